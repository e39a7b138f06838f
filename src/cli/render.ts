/**
 * Between the listing and stdout: applies --latest and --sort (which must see every image first) and
 * drives the formatter. Streaming rows go out in one write per page or per 64 KiB, never one per row.
 */
import { FORMATTERS } from '../output/formatters.js';
import { theme } from '../output/style.js';
import { LatestKeeper } from '../select/latest.js';
import { sortImages } from '../select/sort.js';
import type { Image } from '../types.js';
import type { ResolvedOptions } from './resolve.js';
import type { StdoutSink } from './sink.js';

/** Buffered output is written once it reaches this many characters (and before every request). */
const FLUSH_AT = 64 * 1024;

/** Accepts selected images and writes them out in the chosen format. */
export interface Renderer {
  /** Images that passed the client-side predicate, in listing order. */
  add(images: readonly Image[]): Promise<void>;
  /** Write the rows buffered so far (streaming formats); nothing to do otherwise. */
  flush(): Promise<void>;
  /** End the output (JSON carries `nextToken`). Incomplete (failure, signal): rows received are written, unless --latest/--sort. */
  finish(nextToken: string | undefined, complete: boolean): Promise<void>;
  /** Images added so far. */
  readonly count: number;
  /** Whether the output so far ends exactly at the listing's resume token (not with --latest/--sort). */
  readonly resumable: boolean;
  /** Rows go out as images arrive (no --latest/--sort, a streaming format). */
  readonly streaming: boolean;
}

/** Build the renderer for resolved options. */
export async function createRenderer(opts: ResolvedOptions, sink: StdoutSink): Promise<Renderer> {
  const spec = FORMATTERS[opts.format];
  const { latest, sort, desc } = opts.selection;
  const keeper = latest !== undefined ? new LatestKeeper(latest) : undefined;
  const selecting = keeper !== undefined || sort !== undefined;
  // --latest/--sort hold every row anyway: a table then fits all of them, as before.
  const writer = spec.create({
    columns: opts.columns, header: opts.header, terminal: opts.terminal, style: await theme(opts.color), now: opts.now,
    layoutRows: selecting ? Infinity : undefined,
  });
  const streaming = spec.streaming && !selecting;
  const buffer: Image[] = [];
  let count = 0;
  let begun = false;
  let pending = ''; // text not yet written
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending;
    pending = '';
    await sink.write(text);
  };
  const write = async (rows: readonly Image[]) => {
    if (!begun) { begun = true; pending += writer.begin(); }
    for (const image of rows) {
      pending += writer.row(image);
      if (pending.length >= FLUSH_AT) await flush();
    }
  };
  return {
    get count() { return count; },
    resumable: !selecting,
    streaming,
    async add(images) {
      count += images.length;
      if (keeper) for (const image of images) keeper.push(image);
      else if (!streaming) buffer.push(...images);
      else await write(images);
    },
    flush,
    async finish(nextToken, complete) {
      await flush(); // rows already taken from the listing are printed, complete or not
      if (selecting && !complete) return; // a partial --latest/--sort answer would be a wrong answer
      let rows: Image[] = keeper ? keeper.result() : buffer;
      if (sort !== undefined) rows = sortImages(rows, sort, desc);
      // Human formats print nothing at all for no rows (the notice goes to stderr); machine formats stay well-formed.
      if (!spec.streaming && rows.length === 0 && count === 0) return;
      await write(rows);
      pending += writer.end({ nextToken: spec.carriesNextToken ? nextToken : undefined });
      await flush();
    },
  };
}
