/**
 * Build step (`npm run build`, after tsc): bundles entry.ts with esbuild into dist/sdk/aws-sdk.cjs.
 *
 * Why a bundle: `require('@aws-sdk/client-ec2')` compiles its 2 MB CommonJS build, which carries
 * the schemas of every EC2 operation, and resolves a few hundred files across @smithy/* and
 * @aws-sdk/*: about 0.4 s and 75 MB before the first request (issue 6). The bundle keeps only what
 * EC2Client, DescribeImagesCommand and the default credential chain reach (the AWS CDK CLI ships
 * its SDK bundled the same way). It is the packages' own code, from their ES module builds.
 *
 * Why the plugin: client-ec2's schemas module builds trait objects with computed keys
 * (`{ [_xN]: "imageId" }`, `_xN` a module constant). A bundler must assume a computed key can run
 * code, so no schema could be dropped. The plugin writes each such key as the constant's string
 * literal; esbuild can then drop the ~3,000 schemas DescribeImages never reaches. If a future SDK
 * lays that file out differently the plugin matches nothing and the bundle is merely larger.
 *
 * Then warm-sdk.ts writes the bundle's V8 code cache next to it (code-cache.ts says why).
 *
 * Run by src/build/index.ts (`npm run build`).
 */
import { readFile } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_BASE } from './esbuild-base.js';

const SCHEMAS = /[\\/]@aws-sdk[\\/]client-ec2[\\/]dist-es[\\/]schemas[\\/][^\\/]+\.js$/;

/** Rewrite `[_name]:` object keys whose `_name` is a module-level string constant as that string. */
export function inlineConstantKeys(source: string): { code: string; replaced: number } {
  const constants = new Map<string, string>();
  for (const m of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)) constants.set(m[1]!, m[2]!);
  let replaced = 0;
  const code = source.replace(/\[(_\w+)\]:/g, (all, id: string) => {
    const literal = constants.get(id);
    if (literal === undefined) return all;
    replaced++;
    return `${literal}:`;
  });
  return { code, replaced };
}

const inlineSchemaKeys: Plugin = {
  name: 'ami-find-inline-schema-keys',
  setup(b) {
    b.onLoad({ filter: SCHEMAS }, async (args) => ({ contents: inlineConstantKeys(await readFile(args.path, 'utf8')).code, loader: 'js' }));
  },
};

/** Bundle `entry` (src/aws/sdk-bundle/entry.ts) into `outfile`; resolves to its size in bytes. */
export async function bundleSdk(entry: string, outfile: string): Promise<number> {
  const result = await build({
    ...BUNDLE_BASE,
    entryPoints: [entry],
    outfile,
    format: 'cjs',
    // Why module first: the ES module builds let esbuild drop unused exports; the CJS ones are single files.
    mainFields: ['module', 'main'],
    plugins: [inlineSchemaKeys],
    // import() of node:http etc. becomes require(): the bundle runs through vm.Script (code-cache.ts),
    // where import() would need an experimental loader hook that breaks with a code cache.
    supported: { 'dynamic-import': false },
  });
  return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
}
