/** `--output table`: an aligned, borderless table for people (cli-table3), built from all rows at once. */
import Table from 'cli-table3';
import type { Image } from '../../types.js';
import { COLUMNS, TABLE_COLUMNS, isDeprecated, type ColumnId } from '../columns.js';
import type { FormatOptions, FormatterSpec, StreamWriter } from '../formatter.js';
import { PLAIN_STYLE } from '../style.js';

/**
 * cli-table3 colours heads red and borders grey by default (through @colors/colors, a global);
 * empty `head`/`border` styles turn that off so colour comes only from the injected style.
 */
const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** Render images as a table string (ends with a newline); '' when there are no images. */
export function renderTable(images: readonly Image[], columns: readonly ColumnId[], opts: FormatOptions): string {
  if (images.length === 0) return '';
  const style = opts.style ?? PLAIN_STYLE;
  const table = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    ...(opts.header === false ? {} : { head: columns.map((c) => style.header(COLUMNS[c].header)) }),
  });
  for (const image of images) {
    const deprecated = isDeprecated(image, opts.now);
    table.push(columns.map((c) => {
      const spec = COLUMNS[c];
      const text = printable(spec.human ? spec.human(image, opts.now) : spec.value(image));
      return deprecated ? style.deprecated(text) : text;
    }));
  }
  // cli-table3 pads the last column too; trailing blanks only get in the way of copy and paste.
  return `${table.toString().split('\n').map((l) => l.trimEnd()).join('\n')}\n`;
}

/**
 * Why: names and descriptions come from whoever published the image; control characters
 * (an ESC starting a terminal escape sequence, a newline breaking the layout) are shown escaped.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A buffering writer over renderTable, for the formats table (and wide, with other columns). */
export function tableWriter(defaultColumns: readonly ColumnId[], opts: FormatOptions): StreamWriter {
  const rows: Image[] = [];
  const columns = opts.columns ?? defaultColumns;
  return {
    begin: () => '',
    row: (image) => {
      rows.push(image);
      return '';
    },
    end: () => renderTable(rows, columns, opts),
  };
}

export const table: FormatterSpec = {
  streaming: false,
  carriesNextToken: false,
  usesColumns: true,
  create: (opts) => tableWriter(TABLE_COLUMNS, opts),
};
