/**
 * `--output csv`: RFC 4180 quoting, LF line ends. A field a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP "CSV Injection"); no
 * column is a number, so no legitimate value is changed by it.
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
