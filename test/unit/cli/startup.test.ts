/**
 * The built bin answers plain help and version requests without loading commander or the AWS SDK
 * (issue 6), and prints exactly what commander prints for the same request. Runs dist/: build
 * first with `npx tsc -p tsconfig.json`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBin } from '../../e2e/cli-support.js';

const HOOK = fileURLToPath(new URL('./forbid-heavy-imports.mjs', import.meta.url));
const env = { ...process.env, NODE_OPTIONS: '' };

function runNode(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

/** Each fast request, and a request commander alone answers with the same output (an extra word it ignores). */
const PAIRS: [string[], string[]][] = [
  [['--help'], ['--help', '--bogus']],
  [['-h'], ['--no-color', '-h']],
  [['show', '--help'], ['show', '--help', '--bogus']],
  [['show', '-h'], ['show', 'ami-1', '-h']],
  [['presets', '--help'], ['presets', '--help', '--bogus']],
  [['completion', '-h'], ['completion', 'bash', '-h']],
  [['--version'], ['--version', 'extra']],
  [['-V'], ['-V', '--help']],
];

describe('startup without commander', () => {
  test.each(PAIRS)('when %j runs with commander and the SDK forbidden then it exits 0 with what commander prints for %j', async (fast, slow) => {
    const [quick, full] = await Promise.all([runBin(fast, env, { nodeArgs: ['--import', HOOK] }), runBin(slow, env)]);
    expect(full.code).toBe(0);
    expect(quick.code).toBe(0);
    expect(quick.stderr).toBe('');
    expect(quick.stdout).toBe(full.stdout);
    expect(quick.stdout.length).toBeGreaterThan(0);
  });

  test('when a request needs commander and commander is forbidden then the run fails (the hook works)', async () => {
    const r = await runBin(['--help', '--bogus'], env, { nodeArgs: ['--import', HOOK] });
    expect(r.code).not.toBe(0);
    // From the bundle, commander is inside run-command.cjs; from a tsc-only build it is imported.
    expect(r.stderr).toMatch(/forbidden (import: commander|read: .*run-command\.cjs)/);
  });

  test('when a module of src/aws is imported under the hook then the import fails (the hook sees it)', () => {
    const library = new URL('../../../dist/src/index.js', import.meta.url).href;
    const r = runNode(['--import', HOOK, '--input-type=module', '-e', `await import(${JSON.stringify(library)})`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden import: \.\/aws\//);
  });

  test('when the SDK bundle is read under the hook then the read fails (the hook sees what no import hook can)', () => {
    const bundle = new URL('../../../dist/sdk/aws-sdk.cjs', import.meta.url).pathname;
    const r = runNode(['--import', HOOK, '-e', `require('node:fs').readFileSync(${JSON.stringify(bundle)})`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden read: .*aws-sdk\.cjs/);
  });
});

describe('the CLI past the fast path (dist/cli/bundle/run-command.cjs)', () => {
  const bundle = fileURLToPath(new URL('../../../dist/cli/bundle/run-command.cjs', import.meta.url));
  const loader = new URL('../../../dist/src/code-cache.js', import.meta.url).href;

  test('when a fresh node loads the CLI bundle then V8 takes its build-time code cache', () => {
    // A cache written under other V8 flags (the listing's young-generation flag in the warm-up) would be rejected.
    const script = `const { loadBundle } = await import(${JSON.stringify(loader)}); const l = loadBundle(${JSON.stringify(bundle)}); process.stdout.write(String(l.cached) + ' ' + Object.keys(l.exports).join());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'true runCommand', '']);
  });

  test('when the CLI bundle is built then it has no import(), which a vm.Script without a module loader cannot run', () => {
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/\bimport\(/);
  });

  test('when the CLI bundle is built then it is strict mode code, as its ES module sources are', () => {
    // A "use strict" directive counts only before any other statement (the banner's included).
    expect(readFileSync(bundle, 'utf8')).toMatch(/^"use strict";/);
  });
});
