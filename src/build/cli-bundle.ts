/**
 * Build step: bundles the compiled CLI (dist/src/cli/main.js) with esbuild under dist/cli/bundle/,
 * which bin/ami-find.js runs. Why: the CLI is about 70 small modules, and loading them one by one
 * (resolve, read, compile, link each) was ~45 ms of the time before the first request (issue 6).
 *
 * Two builds:
 *   main.mjs + chunks   the fast path (plain --help and --version), split so that each loads only
 *                       what it needs, and an import of run-command.mjs for everything else;
 *   run-command.mjs     everything past the fast path (run-command.ts) in one module: its lazy
 *                       imports become lazy initialisers inside it, not files. Why: split into
 *                       ~35 chunks, a listing loaded them one after another; as one module the
 *                       first request went out ~20 ms sooner (158 against 176 ms, medians of 21
 *                       alternating starts), while --help and --version still read a few KB.
 * Modules both need (the option table, the help renderer) are in both; nothing crosses between
 * them but main's arguments to runCommand().
 *
 * External: commander (so tests can forbid it by name: the help fast path must not load it),
 * the AWS SDK (loaded from its own bundle, src/aws/sdk-bundle) and cli-table3 (required at run time).
 */
import { dirname, join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { BUNDLE_BASE } from './esbuild-base.js';

const COMMON: BuildOptions = {
  ...BUNDLE_BASE,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  external: ['commander', '@aws-sdk/*', '@smithy/*', 'cli-table3'],
  // Why a require: bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __amiFindRequire } from 'node:module'; const require = __amiFindRequire(import.meta.url);" },
  // Less source to read and pre-parse at every start; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
};

/** main's import of run-command.js becomes an import of the separately built run-command.mjs. */
const runCommandApart: Plugin = {
  name: 'run-command-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/run-command\.js$/ }, () => ({ path: './run-command.mjs', external: true }));
  },
};

/** Bundle `entry` (dist/src/cli/main.js) into `outdir` (dist/cli/bundle); resolves to the number of files written. */
export async function bundleCli(entry: string, outdir: string): Promise<number> {
  const rest = await build({ ...COMMON, entryPoints: { 'run-command': join(dirname(entry), 'run-command.js') }, outdir, splitting: false });
  const fast = await build({ ...COMMON, entryPoints: { main: entry }, outdir, splitting: true, plugins: [runCommandApart] });
  return Object.keys(rest.metafile!.outputs).length + Object.keys(fast.metafile!.outputs).length;
}
