/**
 * Runs a bundle (the SDK's, dist/sdk/aws-sdk.cjs, and the CLI's past its fast path,
 * dist/cli/bundle/run-command.cjs) as a CommonJS module with a V8 code cache written at build
 * time (`<bundle>.cache`, see src/build/warm-sdk.ts and warm-cli.ts). Why: compiling a bundle and
 * the functions its start-up runs was about 45 ms of the time before the first request for each
 * (issue 6); with the cache V8 skips it.
 * The cache starts with the SHA-256 of the bundle it was made from, because V8 itself only checks
 * the source's length; a cache for other bytes, or one V8 rejects (another Node version), is
 * simply not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** A loaded bundle: its exports, and whether a code cache was used. */
export interface LoadedBundle {
  exports: unknown;
  script: Script;
  cached: boolean;
}

const HASH_BYTES = 32;

/** Where the code cache of `bundle` lives. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/** Of the bundle's bytes as read, not of its decoded text (which the hash would encode again). */
function digest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function readCache(bundle: string, bytes: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cacheFileOf(bundle));
  } catch {
    return undefined;
  }
  if (data.length <= HASH_BYTES || !data.subarray(0, HASH_BYTES).equals(digest(bytes))) return undefined;
  return data.subarray(HASH_BYTES);
}

/** Run `bundle` (a CommonJS file) as require() would, using its code cache when it matches. */
export function loadBundle(bundle: string, opts: { useCache?: boolean } = {}): LoadedBundle {
  const bytes = readFileSync(bundle);
  const source = bytes.toString('utf8');
  const cachedData = opts.useCache === false ? undefined : readCache(bundle, bytes);
  // Module.wrap: the CommonJS wrapper require() itself compiles (not a named ESM export of node:module).
  const script = new Script((Module as unknown as { wrap(s: string): string }).wrap(source), {
    // No importModuleDynamically: the bundles have no import() (esbuild's CommonJS output makes them require()).
    filename: bundle, cachedData,
  });
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const module = { exports: {} as unknown };
  fn.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Write the code cache of a bundle loaded (and exercised) in this process. */
export function writeCodeCache(bundle: string, loaded: LoadedBundle): number {
  const data = Buffer.concat([digest(readFileSync(bundle)), loaded.script.createCachedData()]);
  writeFileSync(cacheFileOf(bundle), data);
  return data.length;
}
