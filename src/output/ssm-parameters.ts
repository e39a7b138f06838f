/** Pure formatters for `ami-find ssm`: parameter -> value -> image name, in table, tsv, csv, json or ids. */
import type { SsmFormat } from '../query/vocabulary.js';
import type { BrowsedParameter } from '../ssm/browse.js';
import { csvField } from './formats/csv.js';
import { tsvField } from './formats/tsv.js';
import { safeText } from './safe-text.js';
import { displayWidth } from './text-width.js';

const HEADER = ['PARAMETER', 'VALUE', 'IMAGE NAME', 'MODIFIED'];

function cells(p: BrowsedParameter): string[] {
  return [p.name, p.value, p.imageName ?? '', p.lastModified?.toISOString() ?? ''];
}

/** The whole output for `rows` (rows sorted by the caller); `terminal`: escape control characters in text formats. */
export function formatSsmParameters(rows: readonly BrowsedParameter[], format: SsmFormat, opts: { header: boolean; terminal: boolean }): string {
  if (format === 'json') {
    return `${JSON.stringify({ Parameters: rows.map((p) => ({ Name: p.name, Value: p.value, Version: p.version,
      LastModifiedDate: p.lastModified?.toISOString(), DataType: p.dataType, ImageName: p.imageName })) }, null, 4)}\n`;
  }
  if (format === 'ids') return rows.filter((p) => p.value.startsWith('ami-')).map((p) => `${p.value}\n`).join('');
  // The listing's field rules (src/output/formats/), and its escaping of unsafe text for a terminal (safe-text.ts).
  const field: Record<'table' | 'tsv' | 'csv', (s: string) => string> = {
    table: safeText,
    tsv: opts.terminal ? (c) => safeText(tsvField(c)) : tsvField,
    csv: opts.terminal ? (c) => csvField(safeText(c)) : csvField,
  };
  const lines = rows.map((p) => cells(p).map(field[format]));
  if (opts.header) lines.unshift(HEADER);
  if (format === 'tsv') return lines.map((l) => `${l.join('\t')}\n`).join('');
  if (format === 'csv') return lines.map((l) => `${l.join(',')}\n`).join('');
  const widths = HEADER.map((_, i) => Math.max(0, ...lines.map((l) => displayWidth(l[i] ?? ''))));
  return lines.map((l) => `${l.map((c, i) => (i === l.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c)))).join('  ').trimEnd()}\n`).join('');
}
