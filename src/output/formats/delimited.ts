/** Shared streaming writer for csv and tsv: a header of column ids, then one line per image of raw values. */
import type { Image } from '../../types.js';
import { COLUMNS, TABLE_COLUMNS } from '../columns.js';
import type { FormatOptions, StreamWriter } from '../formatter.js';

/** Lines of `escape`d fields joined by `separator`, each ending in `\n`. */
export function delimitedWriter(separator: string, escape: (field: string) => string, opts: FormatOptions): StreamWriter {
  const columns = opts.columns ?? TABLE_COLUMNS;
  const line = (fields: string[]) => `${fields.map(escape).join(separator)}\n`;
  return {
    begin: () => (opts.header === false ? '' : line([...columns])),
    row: (image: Image) => line(columns.map((c) => COLUMNS[c].value(image))),
    end: () => '',
  };
}
