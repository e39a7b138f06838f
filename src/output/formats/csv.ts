/**
 * `--output csv`: RFC 4180 quoting (a field with a comma, double quote, CR or LF is wrapped in double
 * quotes, and its double quotes doubled). Lines end in LF rather than RFC 4180's CRLF, as Unix tools expect;
 * spreadsheet programs accept both.
 */
import type { FormatterSpec } from '../formatter.js';
import { TABLE_COLUMNS, columnReads } from '../columns.js';
import { delimitedWriter } from './delimited.js';

/** Quote one field per RFC 4180 section 2. */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export const csv: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  json: false,
  fields: (opts) => columnReads(opts.columns ?? TABLE_COLUMNS),
  create: (opts) => delimitedWriter(',', csvField, opts),
};
