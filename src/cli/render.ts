/**
 * Between the listing and stdout: applies --latest and --sort (which must see every image first),
 * and drives the formatter from src/output. Streaming formats write each row as it arrives.
 */
import type { Image } from '../types.js';
import type { ResolvedOptions } from './resolve.js';
import type { StdoutSink } from './sink.js';

/** Accepts selected images and writes them out in the chosen format. */
export interface Renderer {
  /** One image that passed the client-side predicate. */
  add(image: Image): Promise<void>;
  /**
   * End the output. `nextToken` is the resume token (JSON carries it). `complete` is false after a
   * failure or Ctrl-C: rows already received are still written, except when --latest/--sort would
   * make a partial answer wrong.
   */
  finish(nextToken: string | undefined, complete: boolean): Promise<void>;
  /** Images added so far. */
  readonly count: number;
  /** Whether the output so far ends exactly at the listing's resume token (not with --latest/--sort). */
  readonly resumable: boolean;
  /** Rows go out as images arrive (no --latest/--sort, a streaming format). */
  readonly streaming: boolean;
}

/** Build the renderer for resolved options (loads the formatter modules). */
export async function createRenderer(opts: ResolvedOptions, sink: StdoutSink): Promise<Renderer> {
  const [{ FORMATTERS }, { chalkStyle }, { LatestKeeper }, { sortImages }] = await Promise.all([
    import('../output/formatters.js'), import('../output/style.js'), import('../select/latest.js'), import('../select/sort.js'),
  ]);
  const spec = FORMATTERS[opts.format];
  const writer = spec.create({ columns: opts.columns, header: opts.header, style: chalkStyle(opts.color), now: opts.now });
  const { latest, sort, desc } = opts.selection;
  const keeper = latest !== undefined ? new LatestKeeper(latest) : undefined;
  const selecting = keeper !== undefined || sort !== undefined;
  const streaming = spec.streaming && !selecting;
  const buffer: Image[] = [];
  let count = 0;
  let begun = false;
  const begin = async () => {
    if (!begun) { begun = true; await sink.write(writer.begin()); }
  };
  return {
    get count() { return count; },
    resumable: !selecting,
    streaming,
    async add(image) {
      count++;
      if (keeper) keeper.push(image);
      else if (!streaming) buffer.push(image);
      else {
        await begin();
        await sink.write(writer.row(image));
      }
    },
    async finish(nextToken, complete) {
      if (selecting && !complete) return; // a partial --latest/--sort answer would be a wrong answer
      let rows: Image[] = keeper ? keeper.result() : buffer;
      if (sort !== undefined) rows = sortImages(rows, sort, desc);
      // Human formats print nothing at all for no rows (the notice goes to stderr); machine formats stay well-formed.
      if (!spec.streaming && rows.length === 0 && count === 0) return;
      await begin();
      for (const image of rows) await sink.write(writer.row(image));
      await sink.write(writer.end({ nextToken: spec.carriesNextToken ? nextToken : undefined }));
    },
  };
}
