/** ami-find's version, read from package.json without importing anything heavy. */
import { createRequire } from 'node:module';
import { builtinFs } from './fast-path.js';

/** The version in the nearest package.json named ami-find above this module (src/ or dist/src/). */
export function packageVersion(): string {
  // Node < 20.16 has no process.getBuiltinModule (see builtinFs): require node:fs there. Not a
  // top-level await of import('node:fs'): the CLI bundle past the fast path is CommonJS.
  const { existsSync, readFileSync } = builtinFs() ?? (createRequire(import.meta.url)('node:fs') as typeof import('node:fs'));
  let url = new URL('package.json', import.meta.url);
  for (let i = 0; i < 5; i++, url = new URL('../package.json', url)) {
    if (!existsSync(url)) continue;
    try {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ami-find' && pkg.version) return pkg.version;
    } catch { /* unreadable or not JSON: keep climbing */ }
  }
  return '0.0.0';
}
