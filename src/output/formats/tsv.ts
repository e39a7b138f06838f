/**
 * `--output tsv`: tab-separated, one image per line. IANA text/tab-separated-values forbids tabs and
 * newlines inside fields, so they are escaped as `\t`, `\n`, `\r`, and a backslash as `\\`
 * (the "linear TSV" convention, also PostgreSQL COPY's), which keeps `cut -f` and `awk -F'\t'` working.
 */
import type { FormatterSpec } from '../formatter.js';
import { TABLE_COLUMNS, columnReads } from '../columns.js';
import { delimitedWriter } from './delimited.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escape backslash, tab, LF and CR in one field. */
export function tsvField(field: string): string {
  return field.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

export const tsv: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  json: false,
  fields: (opts) => columnReads(opts.columns ?? TABLE_COLUMNS),
  create: (opts) => delimitedWriter('\t', tsvField, opts),
};
