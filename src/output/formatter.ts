/** The shape every output format implements; the table of formats is in formatters.ts. */
import type { Image, ImageField } from '../types.js';
import type { ColumnId } from './columns.js';
import type { OutputStyle } from './style.js';

export interface FormatOptions {
  /** Columns for table, wide, csv and tsv (default: the format's own). */
  columns?: readonly ColumnId[];
  /** Print the header line (default true; `--no-header` sets false). */
  header?: boolean;
  /**
   * stdout is a terminal: csv and tsv then show control, bidi and invisible characters escaped, as
   * tables always do (src/output/safe-text.ts); piped, they write them as they are (default false).
   */
  terminal?: boolean;
  /** Decorations for table and wide (default PLAIN_STYLE). Machine formats ignore it. */
  style?: OutputStyle;
  /** table and wide: rows whose widths set the layout before rows stream (default LAYOUT_ROWS, 1000). */
  layoutRows?: number;
  /** "Now", for relative ages and for deciding which images are deprecated. */
  now: Date;
}

/** What is known when the listing ends. */
export interface EndMeta {
  /** The botocore resume token when the listing was cut (--max-items); undefined when complete. */
  nextToken?: string;
}

/** A streaming writer: each call returns the text to write next (possibly ''); it never writes itself. */
export interface StreamWriter {
  begin(): string;
  /** A row as text, or as UTF-8 bytes when it already exists as such (ndjson lines from the parser). */
  row(image: Image): string | Uint8Array;
  end(meta?: EndMeta): string;
}

/** One output format. */
export interface FormatterSpec {
  /** Rows come out as images arrive (table and wide after the first rows that set their layout). */
  readonly streaming: boolean;
  /** The output carries the resume token itself (json); otherwise the CLI shows it on stderr. */
  readonly carriesNextToken: boolean;
  /** `--columns` applies to this format. */
  readonly usesColumns: boolean;
  /** The Image members its rows read with these options; undefined: all of them (json). */
  fields(opts: Pick<FormatOptions, 'columns'>): readonly ImageField[] | undefined;
  /** Its rows print each image's whole JSON through imageJson(), which the listing may then supply as text. */
  readonly json: boolean;
  create(opts: FormatOptions): StreamWriter;
}
