/**
 * Why: names, descriptions and tags come from whoever published the image, and error messages can
 * echo them (or what a user pasted). Text shown to a person must not drive the terminal, nor lie
 * about what it says. Three kinds of character are shown escaped instead:
 * - controls (Unicode Cc: C0, DEL, C1): an ESC or CSI starts a terminal escape sequence (OSC 0 sets
 *   the window title, OSC 52 the clipboard), CR and BS overwrite what was printed, LF breaks a layout;
 * - format characters (Unicode Cf): bidi embeddings, overrides and isolates (U+202A-202E,
 *   U+2066-2069), marks (U+200E, U+200F, U+061C) that reorder what is displayed, and invisible
 *   ones (zero-width space, joiners U+200B-200D, word joiner U+2060, BOM U+FEFF, soft hyphen,
 *   tag characters U+E0000-E007F) that make two different names look the same;
 * - the line and paragraph separators U+2028 and U+2029.
 * Escapes: `\xNN` up to U+00FF, `\uNNNN` in the BMP, `\u{NNNNN}` beyond. The one module for this:
 * tables, wide, show, the picker, csv/tsv at a terminal and every stderr line use it.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const UNSAFE_ONE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The escape shown for one unsafe code point. */
function escapeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16);
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  return cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
}

/** `s` with every control, format (bidi, zero-width) and line/paragraph separator character escaped. */
export function safeText(s: string): string {
  return UNSAFE_ONE.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/**
 * Text for a terminal line by line: each line of `text` passed through safeText, the line breaks
 * kept (for stderr messages, which may be several lines, such as a message and its hint).
 */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}
