/**
 * Runs a listing: pages stream through the client-side selection into the renderer, with a spinner
 * on stderr, Ctrl-C and closed-pipe handling, and a resume hint whenever output stopped early.
 */
import { EXIT } from '../errors.js';
import type { ImagePageSource } from '../types.js';
import { startSpinner } from '../ui/spinner.js';
import { say, type CliIo, type StopSignal } from './io.js';
import { countHiddenDeprecated } from './deprecated-hint.js';
import { createRenderer } from './render.js';
import { reportError } from './report-error.js';
import type { ResolvedOptions } from './resolve.js';
import { StdoutSink } from './sink.js';

/**
 * Stop V8 growing its young generation from here on. Why: over a long listing it keeps doubling
 * (to 2 x 16 MB semi-spaces) although the live heap stays near 10 MB; held at its size after the
 * first page, peak RSS stays flat (1M images: ~128 MB instead of ~165 MB) for a few % of CPU
 * (issue 6, README Performance). Why not at start-up: a V8 flag change also invalidates Node's
 * code cache for its own modules and the SDK bundle's (~25 ms more to the first request). The
 * command's choice: the library leaves V8 alone. No-op before Node 20.16 (no getBuiltinModule).
 */
function holdYoungGeneration(): void {
  setYoungGenerationGrowth(1);
}

/**
 * Undo holdYoungGeneration: V8's default growth (2). For the build's warm-up (src/build/warm-cli.ts),
 * whose code cache V8 takes only under the flags it was written with.
 */
export function releaseYoungGeneration(): void {
  setYoungGenerationGrowth(2);
}

function setYoungGenerationGrowth(factor: number): void {
  const v8 = process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined;
  v8?.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** `ami-find: ... resume with --starting-token <token>` for stderr. */
export function resumeLine(token: string): string {
  return `resume with: --starting-token ${token}`;
}

/** Debug logger for the AWS layer, or undefined when --debug is off. */
export function debugLogger(opts: ResolvedOptions, io: CliIo): ((line: string) => void) | undefined {
  return opts.debug ? (line) => say(io, `ami-find: debug: ${line}`) : undefined;
}

/** The exit code and stderr line for the signal that stopped a listing. */
const STOPPED: Record<StopSignal, { code: number; line: string }> = {
  SIGINT: { code: EXIT.INTERRUPTED, line: 'ami-find: interrupted' },
  SIGTERM: { code: EXIT.TERMINATED, line: 'ami-find: interrupted (SIGTERM)' },
  SIGHUP: { code: EXIT.HANGUP, line: 'ami-find: interrupted (SIGHUP)' },
};

/** Run the listing for resolved options; resolves to the exit code. */
export async function runListing(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const controller = new AbortController();
  let stopped: StopSignal | undefined;
  // Subscribed until the answer is complete, the "interrupted" line and the token included: a
  // second Ctrl-C (or a SIGTERM after it) while they are written must not kill the process
  // before them (issue 15). The first signal decides the exit code; repeats change nothing.
  const offInterrupt = io.onInterrupt((signal) => {
    if (stopped !== undefined) return;
    stopped = signal;
    spinner?.stop(); // restores the cursor before anything else reaches the terminal
    controller.abort(new Error('interrupted'));
  });
  let spinner: Awaited<ReturnType<typeof startSpinner>> | undefined;
  try {
    return await listAndReport(opts, io, controller, () => stopped, (s) => { spinner = s; });
  } finally {
    offInterrupt();
  }
}

async function listAndReport(
  opts: ResolvedOptions, io: CliIo, controller: AbortController, stoppedBy: () => StopSignal | undefined,
  spinning: (s: Awaited<ReturnType<typeof startSpinner>>) => void,
): Promise<number> {
  const sink = new StdoutSink(io.stdout);
  sink.onClose(() => controller.abort(new Error('stdout closed')));
  const renderer = await createRenderer(opts, sink);
  // Rows streaming to the same terminal are progress enough; a spinner there would garble them.
  const spin = opts.spinner && io.stderrTTY !== undefined && !(io.boundary.stdoutTTY && renderer.streaming);
  const spinner = await startSpinner(io.stderrTTY ?? process.stderr, spin, opts.color.level > 0);
  spinning(spinner);
  if (stoppedBy() !== undefined) spinner.stop();
  const [{ findImages, lazyEc2PageSource }, { imagePredicate, criteriaReads }] = await Promise.all([import('../index.js'), import('../select/predicate.js')]);
  // One client for the listing and the deprecated-images probe after it.
  const source = lazyEc2PageSource({ ...opts.aws, debug: debugLogger(opts, io) });
  const listing = findImages(opts.query, {
    pagination: opts.pagination,
    aws: opts.aws,
    source,
    onPage: (p) => {
      spinner.page(p);
      if (p.pages === 1) holdYoungGeneration();
    },
    // Rows of the page before go out before the next request: a closed pipe then stops the listing.
    beforeRequest: () => renderer.flush(),
    signal: controller.signal,
  });
  const keep = imagePredicate(opts.selection);
  // Without client-side criteria every image is kept: no copy of each page (~30 KB of garbage a page).
  const filtering = criteriaReads(opts.selection).length > 0;
  let failure: unknown;
  let received = 0;
  try {
    // A page at a time: one await per page, not per image.
    for await (const batch of listing.batches()) {
      received += batch.length;
      await renderer.add(filtering ? batch.filter(keep) : batch);
      if (sink.closed || stoppedBy() !== undefined) break;
    }
  } catch (err) {
    failure = err;
  } finally {
    spinner.stop();
  }
  if (sink.closed) { sink.release(); return EXIT.OK; } // the reader went away (| head): end quietly
  const token = listing.resumeToken();
  const stoppedEarly = failure !== undefined || stoppedBy() !== undefined;
  await renderer.finish(token, !stoppedEarly);
  sink.release();
  if (stoppedEarly) {
    const signal = stoppedBy();
    const code = signal !== undefined ? (say(io, STOPPED[signal].line), STOPPED[signal].code) : await reportError(failure, io, opts.debug);
    // Nothing received: the listing would restart where it started, so a token adds nothing.
    if (token !== undefined && renderer.resumable && received > 0) say(io, `hint: ${resumeLine(token)}`);
    return code;
  }
  if (token !== undefined && opts.format !== 'json') say(io, `ami-find: more images; ${resumeLine(token)}`);
  if (renderer.count > 0) return EXIT.OK;
  await noMatchNotice(opts, io, source);
  return EXIT.NO_MATCH;
}

async function noMatchNotice(opts: ResolvedOptions, io: CliIo, source: ImagePageSource): Promise<void> {
  const q = opts.query;
  // Only worth a request when EC2 hid deprecated images: not with image IDs (they bypass hiding, contract 4.5).
  if (q.includeDeprecated || q.imageIds?.length || opts.pagination.StartingToken) {
    say(io, 'ami-find: no image matched');
    return;
  }
  try {
    const hidden = await countHiddenDeprecated(opts, source);
    if (hidden.count > 0) {
      const one = hidden.count === 1 && !hidden.more;
      const n = `${hidden.count}${hidden.more ? '+' : ''}`;
      say(io, `ami-find: no image matched; ${n} deprecated image${one ? ' matches' : 's match'}: use --include-deprecated`);
      return;
    }
  } catch {
    // The hint is a courtesy: a failure here must not change the outcome of the real query.
  }
  say(io, 'ami-find: no image matched');
}
