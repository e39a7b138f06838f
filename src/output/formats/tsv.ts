/**
 * `--output tsv`: one image per line; tab, LF, CR and backslash escaped as `\t`, `\n`, `\r`, `\\`
 * ("linear TSV", as PostgreSQL COPY), so `cut -f` works. No formula guard: TSV is for Unix tools.
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
