/**
 * Build step: bundles the compiled CLI (dist/src/cli/main.js) with esbuild into ES module chunks
 * under dist/cli/bundle/, which bin/ami-find.js runs. Why: the CLI is about 70 small modules, and
 * loading them one by one (resolve, read, compile, link each) was ~45 ms of the time before the
 * first request (issue 6). Code splitting keeps every lazy import() lazy: --help still loads only
 * what it needs. The library (dist/src/index.js) is not bundled.
 *
 * External: commander (so tests can forbid it by name: the help fast path must not load it),
 * the AWS SDK (loaded from its own bundle, src/aws/sdk-bundle) and cli-table3 (required at run time).
 */
import { build } from 'esbuild';
import { BUNDLE_BASE } from './esbuild-base.js';

/** Bundle `entry` (dist/src/cli/main.js) into `outdir` (dist/cli/bundle); resolves to the number of files written. */
export async function bundleCli(entry: string, outdir: string): Promise<number> {
  const result = await build({
    ...BUNDLE_BASE,
    entryPoints: { main: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    format: 'esm',
    external: ['commander', '@aws-sdk/*', '@smithy/*', 'cli-table3'],
    // Why a require: bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __amiFindRequire } from 'node:module'; const require = __amiFindRequire(import.meta.url);" },
    // Less source to read and pre-parse at every start; identifiers stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  return Object.keys(result.metafile.outputs).length;
}
