/**
 * Why: names, descriptions and tags come from whoever published the image; control characters
 * (C0, DEL, C1: an ESC starting a terminal escape sequence, a newline breaking the layout) are
 * shown as `\xNN` so they cannot drive the reader's terminal.
 */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
