/** runPicker: the raw-mode driver around the pure reducer and render; draws on stderr or /dev/tty and always restores the terminal. */
import type { Image, ImageQuery } from '../../types.js';
import { parseKeys } from './keys.js';
import { initialState, reduce, type PickerInitial } from './reducer.js';
import { PLAIN_PICKER_STYLE, render, type PickerStyle } from './render.js';
import type { PickerEvent, PickerResult, PickerState, SearchState } from './types.js';

export interface PickerOptions {
  initial?: PickerInitial;
  /** Streams the images of a query in `region` (undefined: the configured one); must stop when `signal` aborts. */
  search: (query: ImageQuery, signal: AbortSignal, region?: string) => AsyncIterable<Image>;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  now?: Date;
  /** The region listed first; it pins presets to the partition's publisher accounts. */
  region?: string;
  /** Regions offered first by Ctrl-R (the command line's --region list). */
  regions?: readonly string[];
  style?: PickerStyle;
}

const ENTER_SCREEN = '\x1b[?1049h\x1b[?25l';
const LEAVE_SCREEN = '\x1b[?25h\x1b[?1049l';
/** Images are handed to the reducer in batches at most this often, so a fast stream does not redraw per image. */
const BATCH_MS = 40;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Read the pages counter of an ImageListing (src/find-images.ts), if the iterable has one. */
function pagesOf(iterable: AsyncIterable<Image>): number | undefined {
  const pages = (iterable as { pages?: unknown }).pages;
  return typeof pages === 'number' && pages > 0 ? pages : undefined;
}

/** Open the picker on a terminal; resolves to the chosen image ID, a cancel (Esc) or an interrupt (Ctrl-C). */
export function runPicker(opts: PickerOptions): Promise<PickerResult> {
  const { input, output } = opts;
  const style = opts.style ?? PLAIN_PICKER_STYLE;
  const size = () => ({ rows: output.rows || 24, cols: output.columns || 80 });
  let state: PickerState = initialState(opts.initial, opts.now ?? new Date(), size(), opts.region, opts.regions);
  let running: { id: number; controller: AbortController } | undefined;
  let drawTimer: NodeJS.Timeout | undefined;

  return new Promise<PickerResult>((resolve) => {
    const draw = () => {
      drawTimer = undefined;
      const screen = render(state, state.cols, state.rows, style);
      output.write(`\x1b[H${screen.split('\n').join('\x1b[K\r\n')}\x1b[K\x1b[J`);
    };
    const scheduleDraw = () => { drawTimer ??= setTimeout(draw, 10); };

    const stream = async (search: SearchState, signal: AbortSignal) => {
      let batch: Image[] = [];
      let timer: NodeJS.Timeout | undefined;
      let iterable: AsyncIterable<Image> | undefined;
      const flush = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (signal.aborted || !batch.length) return;
        const images = batch;
        batch = [];
        dispatch({ type: 'images', searchId: search.id, images, pages: iterable && pagesOf(iterable) });
      };
      try {
        iterable = opts.search(search.query, signal, search.region);
        for await (const image of iterable) {
          if (signal.aborted) return;
          batch.push(image);
          // The first image shows at once; later ones wait up to BATCH_MS (also across a slow next page).
          if (!state.search?.entries.length && batch.length === 1) flush();
          else timer ??= setTimeout(flush, BATCH_MS);
        }
        flush();
        if (!signal.aborted) dispatch({ type: 'done', searchId: search.id, pages: pagesOf(iterable) });
      } catch (err) {
        flush();
        if (!signal.aborted) dispatch({ type: 'error', searchId: search.id, message: errorMessage(err) });
      } finally {
        if (timer) clearTimeout(timer);
      }
    };

    const sync = () => {
      if (running && running.id !== state.search?.id) {
        running.controller.abort();
        running = undefined;
      }
      if (state.search && !running && !state.search.done && !state.result) {
        running = { id: state.search.id, controller: new AbortController() };
        void stream(state.search, running.controller.signal);
      }
    };

    const dispatch = (event: PickerEvent) => {
      state = reduce(state, event);
      if (state.result) return finish(state.result);
      // Keys draw at once (before a first request holds the loop loading the SDK); images coalesce.
      if (event.type === 'key') {
        if (drawTimer) clearTimeout(drawTimer);
        draw();
      } else scheduleDraw();
      sync();
    };

    const onData = (chunk: Buffer | string) => {
      for (const key of parseKeys(chunk.toString())) {
        if (state.result) return;
        dispatch({ type: 'key', key });
      }
    };
    const onResize = () => dispatch({ type: 'resize', ...size() });
    const onSignal = () => dispatch({ type: 'key', key: { name: 'ctrl-c' } });

    let finished = false;
    function finish(result: PickerResult) {
      if (finished) return;
      finished = true;
      running?.controller.abort();
      if (drawTimer) clearTimeout(drawTimer);
      input.off('data', onData);
      output.off('resize', onResize);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (input.isTTY) input.setRawMode(false);
      input.pause();
      output.write(LEAVE_SCREEN);
      resolve(result);
    }

    if (input.isTTY) input.setRawMode(true);
    input.on('data', onData);
    input.resume();
    output.on('resize', onResize);
    // Why: a SIGINT/SIGTERM from outside (kill, a closing tmux pane) must still restore the terminal.
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    output.write(ENTER_SCREEN);
    sync();
    draw();
  });
}
