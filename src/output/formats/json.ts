/**
 * `--output json`: the AWS CLI's shape, `{"Images": [...], "NextToken": "..."}` with the API's field
 * names and the CLI's 4-space indent, so `jq '.Images[].ImageId'` recipes work. Streamed: each image
 * is written as it arrives and the document is valid JSON once `end` is written. NextToken is the
 * botocore resume token, present only when the listing was cut, as in `aws ec2 describe-images --max-items`.
 */
import type { FormatterSpec } from '../formatter.js';

const INDENT = '    ';

/** JSON.stringify with the CLI's indent, nested `level` indents deep (the first line is not indented). */
function indented(value: unknown, level: number): string {
  return JSON.stringify(value, null, INDENT).replace(/\n/g, `\n${INDENT.repeat(level)}`);
}

export const json: FormatterSpec = {
  streaming: true,
  carriesNextToken: true,
  usesColumns: false,
  json: false,
  fields: () => undefined,
  create: () => {
    let count = 0;
    return {
      begin: () => `{\n${INDENT}"Images": [`,
      row: (image) => `${count++ === 0 ? '' : ','}\n${INDENT.repeat(2)}${indented(image, 2)}`,
      end: (meta) => {
        const close = count === 0 ? ']' : `\n${INDENT}]`;
        const token = meta?.nextToken === undefined ? '' : `,\n${INDENT}"NextToken": ${JSON.stringify(meta.nextToken)}`;
        return `${close}${token}\n}\n`;
      },
    };
  },
};
