/** ami-find's version, read from package.json without importing anything heavy. */
import { builtinFs } from './fast-path.js';

// Node < 20.16 has no process.getBuiltinModule: import node:fs the ESM way there (same answer,
// a few ms slower; see builtinFs). On newer Node this await is never reached.
const legacyFs = builtinFs() ? undefined : await import('node:fs');

/** The version in the nearest package.json named ami-find above this module (src/ or dist/src/). */
export function packageVersion(): string {
  const { existsSync, readFileSync } = builtinFs() ?? legacyFs!;
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
