/** `--output table`: an aligned, borderless table for people, laid out from its first rows, then streamed. */
import type { Image } from '../../types.js';
import { COLUMNS, TABLE_COLUMNS, isDeprecated, type ColumnId } from '../columns.js';
import { safeText } from '../safe-text.js';
import type { FormatOptions, FormatterSpec, StreamWriter } from '../formatter.js';
import { PLAIN_STYLE } from '../style.js';
import { displayWidth } from '../text-width.js';

/** Rows of a table whose widths set the layout before the rest stream (the first page, by default). */
export const LAYOUT_ROWS = 1000;

/** A table's rows as cells, its header and the column widths laid out from them. */
interface Layout {
  columns: readonly ColumnId[];
  header: string[] | undefined;
  widths: number[];
  opts: FormatOptions;
}

function cellsOf(image: Image, columns: readonly ColumnId[], now: Date): string[] {
  return columns.map((c) => {
    const spec = COLUMNS[c];
    return safeText(spec.human ? spec.human(image, now) : spec.value(image));
  });
}

/** Widths that fit the header and every image. Cells are built again per row, not kept: keeping them cost memory, saved no time. */
function layOut(images: readonly Image[], columns: readonly ColumnId[], opts: FormatOptions): Layout {
  const header = opts.header === false ? undefined : columns.map((c) => COLUMNS[c].header);
  const widths = columns.map((_, i) => (header === undefined ? 0 : displayWidth(header[i]!)));
  for (const image of images) cellsOf(image, columns, opts.now).forEach((cell, i) => { widths[i] = Math.max(widths[i]!, displayWidth(cell)); });
  return { columns, header, widths, opts };
}

/** Split `cell` into pieces of at most `width` columns (at least one character a piece). */
function wrap(cell: string, width: number): string[] {
  if (displayWidth(cell) <= width) return [cell];
  const pieces: string[] = [];
  let piece = '';
  for (const ch of cell) {
    if (piece !== '' && displayWidth(piece + ch) > width) { pieces.push(piece); piece = ''; }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * One table line, or several when a cell is wider than its column (it wraps inside it; the last
 * column never wraps). The layout is cli-table3's (empty borders, two-space `middle`; table.test.ts
 * checks it) in one linear pass. Why not cli-table3: its layout is quadratic in the row count.
 */
function tableLines(cells: string[], layout: Layout, decorate: (s: string) => string): string {
  const { widths } = layout;
  const last = cells.length - 1;
  const wrapped = cells.map((cell, i) => (i === last ? [cell] : wrap(cell, widths[i]!)));
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let l = 0; l < height; l++) {
    out.push(wrapped.map((pieces, i) => {
      const cell = pieces[l] ?? '';
      return (cell === '' ? '' : decorate(cell)) + ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)));
    }).join('  ').trimEnd());
  }
  return `${out.join('\n')}\n`;
}

function headerText(layout: Layout): string {
  return layout.header === undefined ? '' : tableLines(layout.header, layout, (layout.opts.style ?? PLAIN_STYLE).header);
}

function rowText(image: Image, layout: Layout): string {
  const style = layout.opts.style ?? PLAIN_STYLE;
  const now = layout.opts.now;
  return tableLines(cellsOf(image, layout.columns, now), layout, isDeprecated(image, now) ? style.deprecated : (s) => s);
}

/**
 * The writer for table and wide: lays the columns out to fit the first `layoutRows` rows, then
 * streams. Why not every row: that held 650 MB for 300k rows, and `| head -1` fetched every page.
 */
export function tableWriter(defaultColumns: readonly ColumnId[], opts: FormatOptions): StreamWriter {
  const held: Image[] = [];
  const columns = opts.columns ?? defaultColumns;
  const layoutRows = Math.max(1, opts.layoutRows ?? LAYOUT_ROWS);
  let layout: Layout | undefined;
  const release = () => {
    layout = layOut(held, columns, opts);
    const text = headerText(layout) + held.map((image) => rowText(image, layout!)).join('');
    held.length = 0;
    return text;
  };
  return {
    begin: () => '',
    row: (image) => {
      if (layout !== undefined) return rowText(image, layout);
      held.push(image);
      return held.length >= layoutRows ? release() : '';
    },
    // No rows at all: nothing, not even the header (the notice goes to stderr).
    end: () => (layout === undefined && held.length > 0 ? release() : ''),
  };
}

export const table: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  create: (opts) => tableWriter(TABLE_COLUMNS, opts),
};
