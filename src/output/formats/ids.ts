/** `--output ids`: one image ID per line, for `xargs` and `$(...)`; across regions `REGION<TAB>ID` (and the profile first with several). */
import type { FormatterSpec } from '../formatter.js';

export const ids: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: false,
  create: ({ origin }) => {
    if (origin === undefined || origin.length === 0) {
      return { begin: () => '', row: (image) => (image.ImageId === undefined ? '' : `${image.ImageId}\n`), end: () => '' };
    }
    const prefix = (image: object) => origin.map((k) => `${String((image as Record<string, unknown>)[k] ?? '')}\t`).join('');
    return { begin: () => '', row: (image) => (image.ImageId === undefined ? '' : `${prefix(image)}${image.ImageId}\n`), end: () => '' };
  },
};
