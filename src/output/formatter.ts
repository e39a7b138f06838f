/** The shape every output format implements; the table of formats is in formatters.ts. */
import type { Image, JsonLayout } from '../types.js';
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
  /** `ids`: origin members printed before each ID, tab-separated (listings across regions or profiles). */
  origin?: readonly ('Profile' | 'Region')[];
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
  row(image: Image): string;
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
  /**
   * The format prints each image whole as JSON in this layout: given images carrying that text
   * (IMAGE_JSON, AwsClientOptions.json), it writes the text as it is.
   */
  readonly imageJson?: JsonLayout;
  create(opts: FormatOptions): StreamWriter;
}
