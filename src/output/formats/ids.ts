/** `--output ids`: one image ID per line, for `xargs` and `$(...)`. */
import type { FormatterSpec } from '../formatter.js';

export const ids: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: false,
  create: () => ({ begin: () => '', row: (image) => (image.ImageId === undefined ? '' : `${image.ImageId}\n`), end: () => '' }),
};
