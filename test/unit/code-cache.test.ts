/** Running a CommonJS bundle through vm.Script with a build-time V8 code cache (src/code-cache.ts). */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFileOf, loadBundle, writeCodeCache } from '../../src/code-cache.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ami-find-cc-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function bundle(body: string): string {
  const file = join(dir, 'b.cjs');
  writeFileSync(file, body);
  return file;
}

const SOURCE = 'const path = require("node:path");\nexports.base = (p) => path.basename(p);\nexports.where = __filename;\nmodule.exports.n = 41 + 1;\n';

describe('loadBundle', () => {
  test('when a bundle has no cache then it runs like require(): exports, require and __filename work', () => {
    const file = bundle(SOURCE);
    const loaded = loadBundle(file);
    const exports = loaded.exports as { base(p: string): string; where: string; n: number };
    expect(loaded.cached).toBe(false);
    expect([exports.base('/a/b.txt'), exports.where, exports.n]).toEqual(['b.txt', file, 42]);
  });

  test('when the cache was written for this bundle then the next load uses it', () => {
    const file = bundle(SOURCE);
    writeCodeCache(file, loadBundle(file, { useCache: false }));
    const again = loadBundle(file);
    expect(again.cached).toBe(true);
    expect((again.exports as { n: number }).n).toBe(42);
  });

  test('when the bundle changed after the cache was written (same length) then the cache is not used', () => {
    const file = bundle(SOURCE);
    writeCodeCache(file, loadBundle(file, { useCache: false }));
    writeFileSync(file, SOURCE.replace('41 + 1', '40 + 3'));
    const loaded = loadBundle(file);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports as { n: number }).n).toBe(43);
  });

  test('when the cache file is garbage then the bundle still loads, uncached', () => {
    const file = bundle(SOURCE);
    writeFileSync(cacheFileOf(file), Buffer.concat([readFileSync(file).subarray(0, 40), Buffer.from('not a v8 cache')]));
    const loaded = loadBundle(file);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports as { n: number }).n).toBe(42);
  });
});
