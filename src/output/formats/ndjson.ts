/** `--output ndjson`: one image per line as compact JSON (API field names), streamed. */
import type { FormatterSpec } from '../formatter.js';

export const ndjson: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: false,
  create: () => ({ begin: () => '', row: (image) => `${JSON.stringify(image)}\n`, end: () => '' }),
};
