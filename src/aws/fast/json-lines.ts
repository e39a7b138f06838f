/**
 * Gives each image of a parsed page its JSON line (IMAGE_JSON, see image-json.ts): written from
 * the page's bytes by the transcoder, or, for an image it does not take, read in full by the
 * parser and serialised (`fallback`).
 *
 * Tried and left out: handing half of each page to a worker thread. On this project's 2-vCPU
 * machines the listing got slower (2.4-2.6 s against 2.1-2.4 s for 100k images), with 40% more
 * CPU time: the two threads slow each other down more than they share the work.
 */
import { IMAGE_JSON } from '../../image-json.js';
import { transcodeImages } from './transcode.js';

/** One image of the page: its object, and its `<item>` content as offsets in the parser's text (end: past `</item>`). */
export interface JsonItem {
  image: Record<PropertyKey, unknown>;
  start: number;
  end: number;
}

/**
 * Attach IMAGE_JSON to every item's image. `bytes`: the UTF-8 bytes `x` was decoded from, or
 * undefined when there are none to read (every image then goes to `fallback`).
 */
export function attachImageJson(items: readonly JsonItem[], x: string, bytes: Uint8Array | undefined, fallback: (item: JsonItem) => string): void {
  if (items.length === 0) return;
  if (bytes === undefined) return attach(items, undefined, fallback);
  const { starts, ends } = byteSpans(items, x, bytes.byteLength);
  attach(items, transcodeImages(bytes, starts, ends), fallback);
}

/** The same, for items whose offsets are already byte offsets into `bytes` (valid UTF-8). */
export function attachImageJsonFromBytes(items: readonly JsonItem[], bytes: Uint8Array, fallback: (item: JsonItem) => string): void {
  if (items.length === 0) return;
  const starts = new Int32Array(items.length);
  const ends = new Int32Array(items.length);
  items.forEach(({ start, end }, i) => {
    starts[i] = start;
    ends[i] = end;
  });
  attach(items, transcodeImages(bytes, starts, ends), fallback);
}

function attach(items: readonly JsonItem[], lines: (Uint8Array | undefined)[] | undefined, fallback: (item: JsonItem) => string): void {
  items.forEach((item, i) => {
    item.image[IMAGE_JSON] = lines?.[i] ?? fallback(item);
  });
}

/** The items' byte offsets in the UTF-8 encoding of `x` (the same as the character offsets when `x` is ASCII). */
function byteSpans(items: readonly JsonItem[], x: string, byteLength: number): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(items.length);
  const ends = new Int32Array(items.length);
  const ascii = byteLength === x.length; // a UTF-8 encoding as long as its text has only one-byte characters
  let char = 0;
  let byte = 0;
  items.forEach(({ start, end }, i) => {
    byte += ascii ? start - char : Buffer.byteLength(x.slice(char, start));
    starts[i] = byte;
    byte += ascii ? end - start : Buffer.byteLength(x.slice(start, end));
    ends[i] = byte;
    char = end;
  });
  return { starts, ends };
}
