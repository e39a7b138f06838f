/**
 * Runs a listing: pages stream through the client-side selection into the renderer, with a spinner
 * on stderr, stop-signal and closed-pipe handling. Stopping early throws ListingStopped (rows kept).
 */
import { EXIT } from '../errors.js';
import { FORMATTERS } from '../output/formatters.js';
import { LATEST_READS } from '../select/latest.js';
import { criteriaReads, imagePredicate } from '../select/predicate.js';
import { sortReads } from '../select/sort.js';
import type { Spinner } from '../ui/spinner.js';
import { say, type CliIo, type StopSignal } from './io.js';
import { noMatchNotice } from './deprecated-hint.js';
import type { CrossCheck } from './cross-check.js';
import { createRenderer } from './render.js';
import { ListingStopped, resumeLine } from './report-error.js';
import type { ResolvedOptions } from './resolve.js';
import { StdoutSink } from './sink.js';
import type { ImageField } from '../types.js';

/** The Image members the client-side selection reads: criteria, --latest, --sort, the cross-check's reasons. */
function selectionReads(opts: ResolvedOptions): ImageField[] {
  const { latest, sort } = opts.selection;
  return [...new Set<ImageField>([...criteriaReads(opts.selection),
    ...(latest !== undefined ? LATEST_READS : []), ...(sort !== undefined ? sortReads(sort) : []),
    // The cross-check's reasons read the kept images' deprecation (src/ssm/cross-check.ts).
    ...(opts.crossCheck ? ['DeprecationTime' as const] : [])])];
}

/** Run the listing for resolved options; resolves to the exit code, or throws ListingStopped. */
export async function runListing(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const controller = new AbortController();
  let stopped: StopSignal | undefined;
  let spinner: Spinner | undefined;
  let check: CrossCheck | undefined;
  // Subscribed until the rows are out; the first signal decides the exit code, repeats change nothing.
  const offInterrupt = io.onInterrupt((signal) => {
    if (stopped !== undefined) return;
    stopped = signal;
    spinner?.stop(); // restores the cursor before anything else reaches the terminal
    controller.abort(new Error('interrupted'));
  });
  // ListingStopped reaches reportError with no I/O in between: a repeated signal cannot cut its lines.
  try {
    const sink = new StdoutSink(io.stdout);
    sink.onClose(() => controller.abort(new Error('stdout closed')));
    const renderer = await createRenderer(opts, sink);
    // Rows streaming to the same terminal are progress enough; a spinner there would garble them.
    spinner = await io.spinner(opts.spinner && !(io.tty.stdout && renderer.streaming), opts.color > 0);
    if (stopped !== undefined) spinner.stop();
    const { findImages, lazyEc2PageSource } = await import('../index.js');
    // A preset with --latest: its publisher's pointer is read beside the listing (src/cli/cross-check.ts),
    // with the listing's credentials (one resolution).
    if (opts.crossCheck) {
      const [{ startCrossCheck }, { credentialChain }] = await Promise.all([import('./cross-check.js'), import('../aws/client.js')]);
      opts = { ...opts, aws: { ...opts.aws, credentials: opts.aws.credentials ?? credentialChain(opts.aws) } };
      check = startCrossCheck(opts, io);
    }
    const reads = selectionReads(opts);
    // -o ids: the parser builds only what the output and the selection read; json/ndjson with
    // nothing reading the images: they come as their JSON text.
    const fields = opts.format === 'ids' ? [...new Set<ImageField>(['ImageId', ...reads])] : undefined;
    const json = reads.length === 0 ? FORMATTERS[opts.format].imageJson : undefined;
    // One client for the listing and the deprecated-images probe after it, unless projected or text (the probe reads DeprecationTime).
    const plain = fields === undefined && json === undefined;
    const source = lazyEc2PageSource({ ...opts.aws, fields, json });
    const listing = findImages(opts.query, {
      pagination: opts.pagination,
      aws: opts.aws,
      source,
      onPage: (p) => spinner?.page(p),
      // Rows of the page before go out before the next request: a closed pipe then stops the listing.
      beforeRequest: () => { check?.begin(); return renderer.flush(); },
      signal: controller.signal,
    });
    const keep = imagePredicate(opts.selection);
    // Without client-side criteria every image is kept: no copy of each page.
    const filtering = criteriaReads(opts.selection).length > 0;
    let failure: unknown;
    let received = 0;
    try {
      for await (const batch of listing.batches()) {
        received += batch.length;
        const kept = filtering ? batch.filter(keep) : batch;
        check?.see(kept);
        await renderer.add(kept);
        if (sink.closed || stopped !== undefined) break;
      }
    } catch (err) {
      failure = err;
    } finally {
      spinner.stop();
    }
    if (sink.closed) { sink.release(); return EXIT.OK; } // the reader went away (| head): end quietly
    const token = listing.resumeToken();
    const stoppedEarly = failure !== undefined || stopped !== undefined;
    await renderer.finish(token, !stoppedEarly);
    sink.release();
    // Nothing received: the listing would restart where it started, so a token adds nothing.
    if (stoppedEarly) throw new ListingStopped(stopped, failure, renderer.resumable && received > 0 ? token : undefined);
    if (token !== undefined && opts.format !== 'json') say(io, `ami-find: more images; ${resumeLine(token)}`);
    if (renderer.count > 0) {
      if (token === undefined) await check?.report(); // a cut listing's newest is not the answer
      return EXIT.OK;
    }
    await noMatchNotice(opts, io, plain ? source : lazyEc2PageSource(opts.aws));
    return EXIT.NO_MATCH;
  } finally {
    check?.cancel();
    offInterrupt();
  }
}
