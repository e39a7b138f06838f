/** Display width of text in a terminal (East Asian wide characters count 2, combining marks 0). */
import { createRequire } from 'node:module';

let strlen: ((s: string) => number) | undefined;

/**
 * Width in terminal columns. ASCII is its length; anything else is measured with the function
 * cli-table3 itself uses (its `strlen`, over string-width), loaded on first need.
 */
export function displayWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  strlen ??= (createRequire(import.meta.url)('cli-table3/src/utils.js') as { strlen(s: string): number }).strlen;
  return strlen(s);
}
