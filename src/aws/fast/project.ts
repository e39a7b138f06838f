/**
 * Where each image's kept members are on a page, found by the WebAssembly module (wasm/transcode.ts,
 * `project`) from the page's bytes. Why: a listing that keeps one member of each image (`--output
 * ids`) spent most of its parsing time decoding each ~1.3 MB page to text, finding each image's
 * end with a regular expression over that text, and collecting the text afterwards; reading the
 * bytes where they are leaves only the kept values to decode (parse-bytes.ts builds them).
 *
 * This module lays out the page and the regions `project` writes, and returns its records:
 *   [0, 1]  NextToken's text (start, end), or (-1, -1) when absent
 *   [2]     Images: -1 when absent, else 0
 *   [3]     the image count
 *   then per image, 2 + 2 * kept words: the `<item>` content's start and the end just past its
 *   `</item>` ((-1, -1) for `<item/>`), then each kept member's (start, end) in kept order,
 *   (-1, -1) when absent. Struct and list members end at their closing tag; other members at the
 *   end of their text. Offsets are byte offsets into the page.
 */
import { align, instance, isTrap, placePage, reserve } from './wasm-module.js';

/** Words per image record: its two and a (start, end) pair per kept member. */
export function recordStride(kept: number): number {
  return 2 + 2 * kept;
}

/**
 * The records for `bytes` (a page of valid UTF-8 with no CR; the caller checks), whose root start tag
 * ends at `from` and closes with `rootClose`. `keep`: per Image member (shapes.ts order) 0 when
 * skipped, else 1 + its kept slot; `kept`: how many are kept. Undefined when the module cannot
 * run, or the page must go to the parser.
 */
export function projectRecords(bytes: Uint8Array, keep: Uint8Array, kept: number, from: number, rootClose: string): Int32Array | undefined {
  const t = instance();
  if (t === null) return undefined;
  const stride = 4 * recordStride(kept);
  try {
    const keepAt = placePage(t, bytes);
    const seen = keepAt + keep.byteLength;
    const close = align(seen + keep.byteLength);
    const closeText = close + 8;
    const out = align(closeText + rootClose.length);
    // Images are rarely under 256 bytes: room for that many first, and for the smallest (`<item/>`) if it fills.
    for (const smallest of [256, 7]) {
      const outLength = 16 + stride * (Math.floor(bytes.byteLength / smallest) + 1);
      reserve(t, out + outLength);
      const memory = t.memory;
      memory.set(keep, keepAt);
      const words = new DataView(memory.buffer);
      words.setUint32(close, closeText, true);
      words.setUint32(close + 4, rootClose.length, true);
      for (let i = 0; i < rootClose.length; i++) memory[closeText + i] = rootClose.charCodeAt(i);
      const count = t.exports.project(t.result, keepAt, kept, seen, t.free, bytes.byteLength, from, close, out, outLength);
      if (count === -1) return undefined;
      if (count >= 0) return new Int32Array(memory.buffer, out, 4 + count * recordStride(kept)).slice();
    }
  } catch (e) {
    // No memory for this page, or a trap: the parser reads it.
    if (e instanceof RangeError || isTrap(e)) return undefined;
    throw e;
  }
  return undefined;
}
