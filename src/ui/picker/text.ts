/**
 * Terminal text helpers: display width (CJK and emoji take two cells, combining marks none) and
 * cutting to a width, so that names from any publisher never wrap or break the picker's layout.
 */
import { safeText } from '../../output/safe-text.js';

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x1f1e6, 0x1f1ff], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

/** Cells one code point takes on a terminal. */
export function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/** Cells a string takes on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Cut `s` (control characters made visible) to at most `width` cells, marking a cut with an ellipsis. */
export function fit(s: string, width: number): string {
  const text = safeText(s);
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Pad `s` with spaces to `width` cells. */
export function padCells(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Where names stop sharing a beginning: the common prefix length, moved back to just after a `/`, `-` or `_`. */
export function sharedPrefixLength(names: readonly string[]): number {
  if (names.length < 2) return 0;
  const first = names[0]!;
  let n = first.length;
  for (const name of names) {
    let i = 0;
    while (i < n && name[i] === first[i]) i++;
    n = i;
  }
  while (n > 0 && !/[/_-]/.test(names[0]![n - 1]!)) n--;
  return n;
}

/**
 * Fit a name to `width` cells where rows differ: when it is too wide and its first `shared`
 * characters are common to every row, the middle of that common part gives way (`ubuntu/…/noble-…`)
 * before the part that tells rows apart is cut.
 */
export function fitName(name: string, width: number, shared: number): string {
  const text = safeText(name);
  if (width <= 0) return '';
  if (shared <= 0 || displayWidth(text) <= width) return fit(text, width);
  const rest = text.slice(shared);
  const room = width - 1 - displayWidth(rest);
  if (room < 0) return `…${fit(rest, width - 1)}`;
  // As much of the shared beginning as fits, ended after a separator when it holds one.
  let head = '';
  for (const ch of text.slice(0, shared)) {
    if (displayWidth(head + ch) > room) break;
    head += ch;
  }
  const lastSep = Math.max(head.lastIndexOf('/'), head.lastIndexOf('-'), head.lastIndexOf('_'));
  if (lastSep >= 0) head = head.slice(0, lastSep + 1);
  return `${head}…${rest}`;
}
