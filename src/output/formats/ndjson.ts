/** `--output ndjson`: one image per line as compact JSON (API field names), streamed. */
import { IMAGE_JSON, type MaybeJsonImage } from '../../types.js';
import type { FormatterSpec } from '../formatter.js';

export const ndjson: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: false,
  imageJson: { indent: '', depth: 0 },
  create: () => ({ begin: () => '', row: (image: MaybeJsonImage) => `${image[IMAGE_JSON] ?? JSON.stringify(image)}\n`, end: () => '' }),
};
