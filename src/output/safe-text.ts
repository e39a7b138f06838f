/**
 * Text shown to a person must not drive the terminal nor lie about what it says: controls (Cc), format
 * characters (Cf: bidi, zero-width) and U+2028/2029 are shown escaped (docs/ARCHITECTURE.md).
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

/** Each line of `text` through safeText, the line breaks kept (for stderr messages with a hint). */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}
