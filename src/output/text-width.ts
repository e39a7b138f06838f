/** Display width in terminal cells, the one rule for tables and the picker (wide East Asian characters 2, combining marks 0). */
import { createRequire } from 'node:module';

let strlen: ((s: string) => number) | undefined;

/** Cells `s` takes: ASCII is its length; anything else goes to cli-table3's `strlen` (string-width), loaded on first need. */
export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  strlen ??= (createRequire(import.meta.url)('cli-table3/src/utils.js') as { strlen(s: string): number }).strlen;
  return strlen(s);
}
