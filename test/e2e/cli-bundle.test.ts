/**
 * bin/ami-find.js runs the bundled CLI (dist/cli/bundle, src/build/cli-bundle.ts), and falls back
 * to dist/src only when no bundle was built: a listing through the bundle matches one through the
 * unbundled modules.
 */
import { runBin, useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint();

/** An --import hook that fails resolving any specifier matching `pattern`. */
function forbid(pattern: string): string[] {
  const hooks = `export async function resolve(s, c, n) { if (${pattern}.test(s)) throw new Error('forbidden: ' + s); return n(s, c); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
}

/** An --import hook that fails any readFileSync of a path matching `pattern`: the bundle past the fast path is read, not imported (src/code-cache.ts). */
function forbidRead(pattern: string): string[] {
  const hook = `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module'; const read = fs.readFileSync;
    fs.readFileSync = function (p, ...rest) { if (${pattern}.test(String(p))) throw new Error('forbidden: ' + p); return read.call(this, p, ...rest); };
    syncBuiltinESMExports();`;
  return ['--import', `data:text/javascript,${encodeURIComponent(hook)}`];
}

describe('the bundled CLI', () => {
  test('when the unbundled CLI is forbidden then the bin still answers (it runs the bundle)', async () => {
    const r = await runBin(['--owner', 'self', '-o', 'ids'], local.env, { nodeArgs: forbid('/dist\\/src\\/cli\\/main\\.js/') });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^ami-/);
  });

  test('when the bundle is forbidden then the bin fails instead of silently falling back (the hook works)', async () => {
    const r = await runBin(['--version'], local.env, { nodeArgs: forbid('/dist\\/cli\\/bundle\\/main\\.mjs/') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden: .*dist\/cli\/bundle\/main\.mjs/);
  });

  test('when --version and --help run through the bundle then the command module (run-command.cjs) is not loaded; a listing needs it', async () => {
    const nodeArgs = forbidRead('/run-command\\.cjs/');
    for (const args of [['--version'], ['--help']]) {
      const r = await runBin(args, local.env, { nodeArgs });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
    const listing = await runBin(['--owner', 'self', '-o', 'ids'], local.env, { nodeArgs });
    expect(listing.code).not.toBe(0);
    expect(listing.stderr).toMatch(/forbidden: .*run-command\.cjs/);
  });

  test('when a listing runs through the bundle and through dist/src then stdout, stderr and exit codes match', async () => {
    const args = ['--include-deprecated', '-o', 'tsv', '--page-size', '5', '--max-items', '12'];
    const bundled = await runBin(args, local.env);
    // dist/src's main run directly, as the bin would (node -e ... -- BIN args: argv.slice(2) is args).
    const main = new URL('../../dist/src/cli/main.js', import.meta.url).href;
    const modules = await runBin(args, local.env, {
      nodeArgs: ['--input-type=module', '-e', `process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; const { main } = await import(${JSON.stringify(main)}); process.exit(await main(process.argv.slice(2)));`, '--'],
    });
    expect(bundled.code).toBe(0);
    expect([modules.code, modules.stdout, modules.stderr]).toEqual([bundled.code, bundled.stdout, bundled.stderr]);
    expect(bundled.stdout.split('\n').length).toBeGreaterThan(5);
  });
});
