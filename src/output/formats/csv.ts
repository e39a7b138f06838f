/**
 * `--output csv`: RFC 4180 quoting (a field with a comma, double quote, CR or LF is wrapped in double
 * quotes, and its double quotes doubled). Lines end in LF rather than RFC 4180's CRLF, as Unix tools expect;
 * spreadsheet programs accept both.
 *
 * CSV is what spreadsheets open, and image names and descriptions are anyone's text (`@SUM(1)` is a
 * legal AMI name): a field starting with `=`, `+`, `-`, `@`, a tab or a CR, which a spreadsheet would
 * run as a formula, gets a leading `'` and is quoted (OWASP "CSV Injection"). No column ami-find
 * writes is a number (IDs, names, dates, enums, true/false), so no legitimate value is a negative
 * number that this would turn into text; a name or description that merely starts with `-` gets the `'` too.
 */
import type { FormatterSpec } from '../formatter.js';
import { safeText } from '../safe-text.js';
import { delimitedWriter } from './delimited.js';

/** First characters a spreadsheet takes as the start of a formula (OWASP CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula starts defused with a leading `'`, then quoted per RFC 4180 section 2. */
export function csvField(field: string): string {
  if (FORMULA_START.test(field)) return `"'${field.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A field for a terminal: control, bidi and invisible characters escaped first (safe-text.ts). */
function csvFieldForTerminal(field: string): string {
  return csvField(safeText(field));
}

export const csv: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  create: (opts) => delimitedWriter(',', opts.terminal ? csvFieldForTerminal : csvField, opts),
};
