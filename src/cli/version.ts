/** ami-find's version, read from package.json without importing anything heavy. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFs } from './fast-path.js';

/** The version in the nearest package.json named ami-find above this module (src/ or dist/src/). */
export function packageVersion(): string {
  const { readFileSync } = nodeFs();
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ami-find' && pkg.version) return pkg.version;
    } catch { /* not here: keep climbing */ }
    dir = dirname(dir);
  }
  return '0.0.0';
}
