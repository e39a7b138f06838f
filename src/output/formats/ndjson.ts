/**
 * `--output ndjson`: one image per line as compact JSON (API field names), streamed. Each line is
 * imageJsonLine(image): JSON.stringify of the image, or the same text as bytes from the parser.
 */
import { imageJsonLine } from '../../image-json.js';
import type { FormatterSpec } from '../formatter.js';

export const ndjson: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: false,
  // Why no members: imageJson() has the whole image as text even when the object is cut down.
  fields: () => [],
  json: true,
  create: () => ({ begin: () => '', row: imageJsonLine, end: () => '' }),
};
