/**
 * The one table of output formats, keyed by OUTPUT_FORMATS (src/query/vocabulary.ts).
 * Adding a format: one file in ./formats and one entry here (the Record type insists on it).
 */
import type { OutputFormat } from '../query/vocabulary.js';
import type { FormatOptions, FormatterSpec, StreamWriter } from './formatter.js';
import { table } from './formats/table.js';
import { wide } from './formats/wide.js';
import { json } from './formats/json.js';
import { ndjson } from './formats/ndjson.js';
import { ids } from './formats/ids.js';
import { csv } from './formats/csv.js';
import { tsv } from './formats/tsv.js';
import { regionMap } from './formats/region-map.js';

export const FORMATTERS: Readonly<Record<OutputFormat, FormatterSpec>> = { table, wide, json, ndjson, ids, csv, tsv, 'region-map': regionMap };

/** A writer for `format` with these options. */
export function createWriter(format: OutputFormat, opts: FormatOptions): StreamWriter {
  return FORMATTERS[format].create(opts);
}

export type { EndMeta, FormatOptions, FormatterSpec, StreamWriter } from './formatter.js';
