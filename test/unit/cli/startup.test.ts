/**
 * The built bin answers help and version loading only commander, the command tree and the option
 * table: no AWS SDK, no run function, no completion generator. Runs dist/: build first.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runBin } from '../../e2e/cli-support.js';

const HOOK = fileURLToPath(new URL('./forbid-heavy-imports.mjs', import.meta.url));
const env = { ...process.env, NODE_OPTIONS: '' };

function runNode(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('startup', () => {
  test.each([[['--help']], [['-h']], [['show', '--help']], [['presets', '-h']], [['completion', '--help']], [['--version']], [['-V']]])(
    'when %j runs with the heavy modules forbidden then it exits 0 and prints what it prints without the hook', async (args) => {
      const [hooked, plain] = await Promise.all([runBin(args, env, { nodeArgs: ['--import', HOOK] }), runBin(args, env)]);
      expect([hooked.code, hooked.stderr]).toEqual([0, '']);
      expect(hooked.stdout.length).toBeGreaterThan(0);
      expect(hooked.stdout).toBe(plain.stdout);
    });

  test('when a listing runs under the hook then it fails on a forbidden import (the hook works)', async () => {
    const r = await runBin(['--owner', 'self'], env, { nodeArgs: ['--import', HOOK] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden import: /);
  });

  test('when a module of src/aws is imported under the hook then the import fails (the hook sees it)', () => {
    const library = new URL('../../../dist/src/index.js', import.meta.url).href;
    const r = runNode(['--import', HOOK, '--input-type=module', '-e', `await import(${JSON.stringify(library)})`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden import: \.\/aws\//);
  });

  test('when the SDK bundle is required under the hook then it fails (the hook sees what no import hook can)', () => {
    const bundle = new URL('../../../dist/sdk/aws-sdk.cjs', import.meta.url).pathname;
    const r = runNode(['--import', HOOK, '-e', `require(${JSON.stringify(bundle)})`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden read: .*aws-sdk\.cjs/);
  });
});
