/**
 * `--output tsv`: tab-separated, one image per line. IANA text/tab-separated-values forbids tabs and
 * newlines inside fields, so they are escaped as `\t`, `\n`, `\r`, and a backslash as `\\`
 * (the "linear TSV" convention, also PostgreSQL COPY's), which keeps `cut -f` and `awk -F'\t'` working.
 * At a terminal, other control, bidi and invisible characters are shown escaped too (safe-text.ts);
 * piped, they are written as they are. TSV is for Unix tools: values are never altered for
 * spreadsheets (no formula guard, unlike csv), so open csv, not tsv, in a spreadsheet.
 */
import type { FormatterSpec } from '../formatter.js';
import { safeText } from '../safe-text.js';
import { delimitedWriter } from './delimited.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escape backslash, tab, LF and CR in one field. */
export function tsvField(field: string): string {
  return field.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** A field for a terminal: the TSV escapes, then the remaining unsafe characters as `\xNN`/`\uNNNN`. */
function tsvFieldForTerminal(field: string): string {
  return safeText(tsvField(field));
}

export const tsv: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  create: (opts) => delimitedWriter('\t', opts.terminal ? tsvFieldForTerminal : tsvField, opts),
};
