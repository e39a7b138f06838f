/**
 * `--output json`: the AWS CLI's shape, `{"Images": [...], "NextToken": "..."}` with the API's field
 * names and the CLI's 4-space indent, so `jq '.Images[].ImageId'` recipes work. Streamed; valid JSON
 * once `end` is written. NextToken is the botocore resume token, present only when the listing was cut.
 */
import { IMAGE_JSON, type MaybeJsonImage } from '../../types.js';
import type { FormatterSpec } from '../formatter.js';

const INDENT = '    ';
/** Before each image: a new line, two levels in. */
const ROW_BREAK = `\n${INDENT.repeat(2)}`;
/** What JSON.stringify writes around an image nested two levels deep: `[\n    [\n        ` and `\n    ]\n]`. */
const HEAD = 16;
const TAIL = 8;

/**
 * The image indented as the second level of the document (its first line not indented). Why
 * nested arrays: JSON.stringify then writes the indentation itself, several times faster than
 * re-indenting its output.
 */
function indented(image: unknown): string {
  return JSON.stringify([[image]], null, INDENT).slice(HEAD, -TAIL);
}

export const json: FormatterSpec = {
  streaming: true,
  carriesNextToken: true,
  usesColumns: false,
  imageJson: { indent: INDENT, depth: 2 },
  create: () => {
    let count = 0;
    return {
      begin: () => `{\n${INDENT}"Images": [`,
      row: (image: MaybeJsonImage) => `${count++ === 0 ? '' : ','}${ROW_BREAK}${image[IMAGE_JSON] ?? indented(image)}`,
      end: (meta) => {
        const close = count === 0 ? ']' : `\n${INDENT}]`;
        const token = meta?.nextToken === undefined ? '' : `,\n${INDENT}"NextToken": ${JSON.stringify(meta.nextToken)}`;
        return `${close}${token}\n}\n`;
      },
    };
  },
};
