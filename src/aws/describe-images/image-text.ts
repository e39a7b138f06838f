/**
 * Images as their JSON text (AwsClientOptions.json): each one an object whose only member is the
 * text, `image[IMAGE_JSON]`, decoded from its page's work buffer when read (json-text.ts).
 */
import { isAscii } from 'node:buffer';
import { IMAGE_JSON } from '../../types.js';
import type { Work } from './byte-page.js';

/**
 * A page as JSON text, in `work.buf` from `text` to `end`: image i is bytes `starts[i]` to
 * `starts[i + 1] ?? end`, while `work.generation` is still `generation` (then it holds the page
 * after next).
 */
export interface PageText {
  readonly work: Work;
  readonly generation: number;
  readonly starts: readonly number[];
  readonly text: number;
  readonly end: number;
  readonly nextToken: string | undefined;
}

/** An image as its JSON text (IMAGE_JSON), decoded from its page's buffer when read; no members. */
class ImageText {
  readonly #page: PageText;
  readonly #start: number;
  readonly #end: number;
  readonly #encoding: 'latin1' | 'utf8';

  constructor(page: PageText, start: number, end: number, encoding: 'latin1' | 'utf8') {
    this.#page = page;
    this.#start = start;
    this.#end = end;
    this.#encoding = encoding;
  }

  get [IMAGE_JSON](): string {
    const { work, generation } = this.#page;
    if (work.generation !== generation) throw new Error('ami-find: an image\'s JSON text was read after the page after next arrived (AwsClientOptions.json)');
    return work.buf.toString(this.#encoding, this.#start, this.#end);
  }
}

/** The page's images as text-carrying images (AwsClientOptions.json). */
export function imagesOf(page: PageText): object[] {
  const { starts, end } = page;
  // Why: an ASCII text decodes faster as Latin-1, to the same string.
  const encoding = isAscii(page.work.buf.subarray(page.text, page.end)) ? 'latin1' : 'utf8';
  return starts.map((start, i) => new ImageText(page, start, starts[i + 1] ?? end, encoding));
}
