/** Terminal text for the picker: cut and padded to a width in cells, so no name wraps or breaks the layout. */
import { safeText } from '../../output/safe-text.js';
import { displayWidth } from '../../output/text-width.js';

/** The longest beginning of `text` at most `width` cells wide. */
function head(text: string, width: number): string {
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}

/** Cut `s` (control characters made visible) to at most `width` cells, marking a cut with an ellipsis. */
export function fit(s: string, width: number): string {
  const text = safeText(s);
  if (width <= 0) return '';
  return displayWidth(text) <= width ? text : `${head(text, width - 1)}…`;
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

/** Fit a name to `width` cells; when too wide, its `shared` beginning common to every row gives way first (`ubuntu/…/noble-…`). */
export function fitName(name: string, width: number, shared: number): string {
  const text = safeText(name);
  if (width <= 0) return '';
  if (shared <= 0 || displayWidth(text) <= width) return fit(text, width);
  const rest = text.slice(shared);
  const room = width - 1 - displayWidth(rest);
  if (room < 0) return `…${fit(rest, width - 1)}`;
  // As much of the shared beginning as fits, ended after a separator when it holds one.
  const start = head(text.slice(0, shared), room);
  const lastSep = Math.max(start.lastIndexOf('/'), start.lastIndexOf('-'), start.lastIndexOf('_'));
  return `${lastSep >= 0 ? start.slice(0, lastSep + 1) : start}…${rest}`;
}
