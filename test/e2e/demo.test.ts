/**
 * `npm run demo` (the README's first set-up command, after the build): every step exits 0 and prints
 * an answer, and a step that promises n images shows n.
 */
import { fileURLToPath } from 'node:url';
import { runShell } from './cli-support.js';

const DEMO = fileURLToPath(new URL('../../dist/test/ec2-local/demo.js', import.meta.url));

test('when the demo runs then every step answers, with as many images as its title promises', async () => {
  const r = await runShell(`"${process.execPath}" "${DEMO}"`, { PATH: process.env.PATH, HOME: process.env.HOME }, { timeoutMs: 120_000 });
  expect([r.code, r.stdout]).toEqual([0, expect.not.stringContaining('# (exit')]);
  const steps = r.stdout.split(/\n\n(?=# .*\n\$ ami-find )/).slice(1).map((s) => s.split('\n'));
  expect(steps.length).toBeGreaterThanOrEqual(9);
  for (const [title, command, ...output] of steps) {
    expect({ title, command, answered: output.some((line) => line.trim() !== '') }).toEqual({ title, command, answered: true });
    const promised = /\bthe (\d+) newest\b/.exec(title!)?.[1];
    if (promised !== undefined) expect({ title, lines: output.filter((l) => l.trim() !== '').length }).toEqual({ title, lines: Number(promised) });
  }
}, 150_000);
