/**
 * Build step: bundles the compiled CLI (dist/src/cli/main.js) with esbuild under dist/cli/bundle/,
 * which bin/ami-find.js runs. Why: the CLI is about 70 small modules, and loading them one by one
 * (resolve, read, compile, link each) was ~45 ms of the time before the first request (issue 6).
 *
 * Two builds:
 *   main.mjs + chunks   the fast path (plain --help and --version), split so that each loads only
 *                       what it needs, and a loader for everything else (load-run-command.ts);
 *   run-command.cjs     everything past the fast path (run-command.ts) in one CommonJS module,
 *                       commander included, run with a V8 code cache written by warm-cli.ts (as
 *                       the SDK bundle is). Why one module: split into ~35 chunks, a listing loaded
 *                       them one after another (the first request went out ~20 ms later). Why
 *                       CommonJS with a code cache: an ES module is compiled at every start (Node
 *                       20 caches no module code), and so were commander and every function the
 *                       start-up runs; with the cache the first request went out ~45 ms sooner
 *                       (146 against 192 ms, medians of 21 alternating starts). Its lazy imports
 *                       become lazy initialisers inside it, not files.
 * Modules both need (the option table, the help renderer) are in both; nothing crosses between
 * them but main's arguments to runCommand().
 *
 * External: the AWS SDK (loaded from its own bundle, src/aws/sdk-bundle) and cli-table3
 * (required at run time); commander too for the fast path, which must never load it.
 */
import { dirname, join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { BUNDLE_BASE } from './esbuild-base.js';

/** The module holding everything past the fast path, next to main.mjs. */
export const RUN_COMMAND_BUNDLE = 'run-command.cjs';

const COMMON: BuildOptions = {
  ...BUNDLE_BASE,
  // Less source to read and pre-parse at every start; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
};

const FAST: BuildOptions = {
  ...COMMON,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  external: ['commander', '@aws-sdk/*', '@smithy/*', 'cli-table3'],
  // Why a require: bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __amiFindRequire } from 'node:module'; const require = __amiFindRequire(import.meta.url);" },
};

const REST: BuildOptions = {
  ...COMMON,
  format: 'cjs',
  external: ['@aws-sdk/*', '@smithy/*', 'cli-table3'],
  // The modules find files next to them through import.meta.url (the SDK bundle, package.json).
  define: { 'import.meta.url': '__amiFindModuleUrl' },
  // "use strict" first: after another statement it would not count, and the modules are strict as ES modules.
  banner: { js: "\"use strict\"; const __amiFindModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** main's import of run-command.js becomes an import of the separately built run-command.cjs (the loader's fallback). */
const runCommandApart: Plugin = {
  name: 'run-command-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/run-command\.js$/ }, () => ({ path: `./${RUN_COMMAND_BUNDLE}`, external: true }));
  },
};

/** Bundle `entry` (dist/src/cli/main.js) into `outdir` (dist/cli/bundle); resolves to the number of files written. */
export async function bundleCli(entry: string, outdir: string): Promise<number> {
  const rest = await build({ ...REST, entryPoints: [join(dirname(entry), 'run-command.js')], outfile: join(outdir, RUN_COMMAND_BUNDLE) });
  const fast = await build({ ...FAST, entryPoints: { main: entry }, outdir, splitting: true, plugins: [runCommandApart] });
  return Object.keys(rest.metafile!.outputs).length + Object.keys(fast.metafile!.outputs).length;
}
