/**
 * An image's compact JSON, carried with it when the EC2 source was asked for it
 * (`PageRequestOptions.json`). The fast parser writes it straight from the response bytes while
 * the object itself holds only the requested `fields`; it is exactly the text JSON.stringify
 * gives for the whole image (test/unit/aws/fast checks it on every test page). Why: building
 * every member of every image and then serialising it was most of `--output ndjson`'s time
 * (issue 6), and writing bytes spares making a string of each line only to encode it again.
 */
import type { Image } from './types.js';

/**
 * Where the JSON travels: a symbol, so JSON.stringify and Object.keys never see it. Its value is
 * the JSON as a string, or as UTF-8 bytes followed by a newline (one ndjson line).
 */
export const IMAGE_JSON: unique symbol = Symbol.for('ami-find.image-json') as never;

type WithJson = Image & { [IMAGE_JSON]?: string | Uint8Array };

/** `image` as compact JSON: the text the parser wrote when there is one, else JSON.stringify(image). */
export function imageJson(image: Image): string {
  const json = (image as WithJson)[IMAGE_JSON];
  if (json === undefined) return JSON.stringify(image);
  if (typeof json === 'string') return json;
  return Buffer.from(json.buffer, json.byteOffset, json.byteLength - 1).toString('utf8');
}

/** imageJson(image) and a newline, as UTF-8 bytes when the parser wrote them (no string made), else as text. */
export function imageJsonLine(image: Image): string | Uint8Array {
  const json = (image as WithJson)[IMAGE_JSON];
  if (json === undefined) return `${JSON.stringify(image)}\n`;
  return typeof json === 'string' ? `${json}\n` : json;
}
