/**
 * Installing as the README says: a fresh clone of HEAD (git clone, so only committed files and no
 * dist/), `npm pack` there (its `prepack` builds), the tarball installed with `npm install`, and the
 * installed command run: `--version` and a real query against the local endpoint.
 *
 * Offline: the clone borrows this checkout's node_modules (a symlink: the build needs tsc and
 * esbuild), and the tarball goes into a temporary project whose node_modules already holds the
 * runtime dependencies as hard links, so `npm install --offline` resolves every one of them there.
 * (`npm install -g --prefix` would need the registry's package documents, which no offline cache here
 * holds; the tarball and the command it installs are the same.) Commit first: the clone packs HEAD.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBin, runShell, useFixtureEndpoint } from './cli-support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Run a command, failing the test with its output when it does not exit 0; returns stdout. */
function run(command: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000, ...opts });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr)}${String(r.stdout)}`);
  return String(r.stdout);
}

/** The packages the installed ami-find needs at run time, as paths under node_modules (npm ls). */
function runtimeDependencies(): string[] {
  const out = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT });
  const prefix = join(ROOT, 'node_modules') + '/';
  return out.split('\n').filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
}

describe('install from a fresh clone', () => {
  const local = useFixtureEndpoint();
  let work: string;
  let installed: string;
  let packed: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ami-find-install-'));
    const clone = join(work, 'clone');
    run('git', ['clone', '--quiet', '--shared', '--no-checkout', ROOT, clone]);
    run('git', ['-C', clone, 'checkout', '--quiet', run('git', ['-C', ROOT, 'rev-parse', 'HEAD']).trim()]);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    // npm pack --silent prints only the tarball's name on stdout (the build writes to stderr).
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
    const tarball = join(work, run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: clone, env }).trim());
    packed = run('tar', ['-tzf', tarball]).split('\n');

    const project = join(work, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"install-check","version":"1.0.0","private":true}\n');
    for (const dep of runtimeDependencies()) {
      const to = join(project, 'node_modules', dep);
      if (existsSync(to)) continue;
      mkdirSync(dirname(to), { recursive: true });
      run('cp', ['-al', join(ROOT, 'node_modules', dep), to]);
    }
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env });
    installed = join(project, 'node_modules', '.bin', 'ami-find');
  }, 300_000);

  afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

  test('when an unbuilt clone is packed then prepack built the SDK bundle and the CLI into the tarball', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.prepack).toMatch(/npm run build/);
    expect(packed).toEqual(expect.arrayContaining([
      'package/bin/ami-find.js', 'package/dist/src/cli/main.js', 'package/dist/sdk/aws-sdk.cjs', 'package/dist/src/index.js',
    ]));
  });

  test('when packed then only what runs is published: no build scripts, doc generators, tests or benchmarks', () => {
    const outside = packed.filter((f) => f && !/^package\/(bin\/|dist\/src\/|dist\/sdk\/|completions\/|README\.md$|package\.json$|LICENSE)/.test(f));
    expect(outside).toEqual([]);
  });

  test('when the installed command runs then it prints its version and answers a query', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // Spawned asynchronously: the endpoint answers from this process's event loop.
    const env = { ...local.env, INSTALLED: installed };
    const version = await runShell('exec "$INSTALLED" --version', env);
    expect([version.code, version.stdout.trim(), version.stderr]).toEqual([0, pkg.version, '']);
    const query = await runShell('exec "$INSTALLED" --owner amazon -o ids --max-items 2', env);
    expect(query.code).toBe(0);
    const ids = query.stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^ami-[0-9a-f]+$/);
    // The same answer as the checkout's own build gives.
    const here = await runBin(['--owner', 'amazon', '-o', 'ids', '--max-items', '2'], local.env);
    expect(here.stdout).toBe(query.stdout);
  });

  test('when the installed command prints a completion script then it is the committed one', async () => {
    const printed = await runShell('exec "$INSTALLED" completion fish', { ...local.env, INSTALLED: installed });
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    expect(printed.stdout).toBe(readFileSync(join(ROOT, 'completions/ami-find.fish'), 'utf8'));
  });
});
