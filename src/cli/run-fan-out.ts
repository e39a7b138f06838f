/**
 * Runs a listing across regions and profiles: every unit concurrently (src/fan-out/), selection per
 * unit (--latest n is the n newest in each), --sort over the combined result. ndjson and ids stream
 * as pages arrive, each line naming its region; other formats print once, by profile, region, then
 * the usual order. A failed unit is one stderr line and exit 9; the others' images are printed.
 */
import { EXIT, type ExitCode } from '../errors.js';
import { failureLine } from '../fan-out/failure.js';
import { compareUnits, unitLabel, type Unit } from '../fan-out/units.js';
import { FORMATTERS } from '../output/formatters.js';
import { theme } from '../output/style.js';
import { LatestKeeper } from '../select/latest.js';
import { criteriaReads, imagePredicate } from '../select/predicate.js';
import { sortImages } from '../select/sort.js';
import type { FanOutOptions } from '../fan-out/listing.js';
import type { OriginImage } from '../fan-out/units.js';
import type { Image } from '../types.js';
import type { Spinner } from '../ui/spinner.js';
import { say, type CliIo, type StopSignal } from './io.js';
import { ListingStopped } from './report-error.js';
import type { FanOutPlan, ResolvedOptions } from './resolve.js';
import { StdoutSink } from './sink.js';

/** What one unit kept after the client-side selection. */
interface Bucket {
  unit: Unit;
  keeper?: LatestKeeper;
  rows: Image[];
}

/** What runs in each unit instead of the listing, and what prints the result instead of the row format. */
export interface FanOutWork {
  /** Per unit instead of the listing (`--ssm`: the pointer's image); see FanOutOptions.task. */
  task?: FanOutOptions['task'];
  /**
   * The whole result as one text (an infrastructure-code snippet), written only when every unit answered:
   * a snippet missing a region would be wrong, so a partial result prints nothing (exit 9).
   */
  snippet?: (rows: OriginImage[]) => string;
}

/** Run the fan-out listing for resolved options; resolves to the exit code, or throws ListingStopped. */
export async function runFanOut(opts: ResolvedOptions, plan: FanOutPlan, io: CliIo, work: FanOutWork = {}): Promise<number> {
  const controller = new AbortController();
  let stopped: StopSignal | undefined;
  let spinner: Spinner | undefined;
  const offInterrupt = io.onInterrupt((signal) => {
    if (stopped !== undefined) return;
    stopped = signal;
    spinner?.stop();
    controller.abort(new Error('interrupted'));
  });
  try {
    const sink = new StdoutSink(io.stdout);
    sink.onClose(() => controller.abort(new Error('stdout closed')));
    const spec = FORMATTERS[opts.format];
    const { latest, sort, desc } = opts.selection;
    const selecting = latest !== undefined || sort !== undefined;
    const streaming = (opts.format === 'ndjson' || opts.format === 'ids') && !selecting && work.snippet === undefined;
    const writer = spec.create({
      columns: opts.columns, header: opts.header, terminal: opts.terminal, style: await theme(opts.color), now: opts.now,
      layoutRows: Infinity, origin: plan.origin,
    });
    spinner = await io.spinner(opts.spinner && !(io.tty.stdout && streaming), opts.color > 0);
    if (stopped !== undefined) spinner.stop();
    const { fanOut } = await import('../fan-out/listing.js');
    let pages = 0;
    let totalImages = 0;
    const listing = fanOut(opts.query, {
      regions: plan.regions, profiles: plan.profiles, concurrency: plan.concurrency,
      aws: opts.aws, pageSize: opts.pagination.PageSize, signal: controller.signal,
      queryFor: plan.queryFor ? (unit) => plan.queryFor!(unit.region || opts.aws.region || '') : undefined,
      task: work.task,
      onPage: (_unit, p) => { pages += 1; totalImages += p.pageImages; spinner?.page({ ...p, pages, totalImages }); },
    });
    const keep = imagePredicate(opts.selection);
    const filtering = criteriaReads(opts.selection).length > 0;
    const buckets = new Map<Unit, Bucket>();
    let count = 0;
    let failure: unknown;
    let begun = false;
    let formatError: unknown;
    try {
      for await (const batch of listing.batches()) {
        const images = filtering ? batch.images.filter(keep) : batch.images;
        count += images.length;
        if (streaming) {
          let text = begun ? '' : writer.begin();
          begun = true;
          for (const image of images) text += writer.row(image);
          await sink.write(text);
        } else {
          let bucket = buckets.get(batch.unit);
          if (bucket === undefined) {
            bucket = { unit: batch.unit, rows: [], keeper: latest !== undefined ? new LatestKeeper(latest) : undefined };
            buckets.set(batch.unit, bucket);
          }
          if (bucket.keeper) for (const image of images) bucket.keeper.push(image);
          else bucket.rows.push(...images);
        }
        if (sink.closed || stopped !== undefined) break;
      }
    } catch (err) {
      failure = err;
    } finally {
      spinner.stop();
    }
    if (sink.closed) { sink.release(); return EXIT.OK; }
    const complete = failure === undefined && stopped === undefined;
    let unmatched: Unit[] = [];
    // Each unit's kept images, by profile then region, then --sort over the whole.
    const ordered = () => {
      const rows = [...buckets.values()].sort((a, b) => compareUnits(a.unit, b.unit)).flatMap((b) => (b.keeper ? b.keeper.result() : b.rows));
      return sort !== undefined ? sortImages(rows, sort, desc) : rows;
    };
    if (work.snippet !== undefined) {
      const rows = ordered();
      // A region without a match is missing from the snippet just as a failed one: nothing is written.
      const failed = new Set(listing.failures.map((f) => f.unit));
      const kept = (u: Unit) => { const b = buckets.get(u); return b === undefined ? 0 : b.keeper ? b.keeper.size : b.rows.length; };
      if (rows.length > 0) unmatched = listing.units.filter((u) => !failed.has(u) && kept(u) === 0);
      if (complete && listing.failures.length === 0 && rows.length > 0 && unmatched.length === 0) {
        try {
          await sink.write(work.snippet(rows as OriginImage[]));
        } catch (err) {
          formatError = err;
        }
      }
    } else if (!streaming && (complete || !selecting)) {
      const rows = ordered();
      // As one listing (src/cli/render.ts): non-streaming formats print nothing for no rows, the others stay well-formed.
      if (rows.length > 0 || spec.streaming) {
        // region-map refuses a region with several images: still report the failed regions before that error.
        try {
          await sink.write(writer.begin() + rows.map((r) => writer.row(r)).join('') + writer.end({}));
        } catch (err) {
          formatError = err;
        }
      }
    } else if (streaming) {
      await sink.write((begun ? '' : writer.begin()) + writer.end({}));
    }
    sink.release();
    if (!complete) throw new ListingStopped(stopped, failure, undefined);
    for (const notice of listing.notices) say(io, `ami-find: notice: ${notice}`);
    for (const f of listing.failures) say(io, `ami-find: ${failureLine(f, listing.profilesWorked.has(f.unit.profile))}`);
    for (const u of unmatched) say(io, `ami-find: ${unitLabel(u)}: no image matched (the snippet would miss this region)`);
    if (formatError !== undefined) throw formatError;
    if (unmatched.length > 0) return EXIT.PARTIAL;
    return exitCode(listing.failures.map((f) => f.error.exitCode), listing.units.length, count, io);
  } finally {
    offInterrupt();
  }
}

/** 9 when some units failed; every unit failing for the same reason keeps that reason's code; 3 when nothing matched. */
function exitCode(failed: ExitCode[], units: number, count: number, io: CliIo): number {
  if (failed.length > 0) {
    const same = failed.every((c) => c === failed[0]);
    return failed.length >= units && count === 0 && same ? failed[0]! : EXIT.PARTIAL;
  }
  if (count > 0) return EXIT.OK;
  say(io, `ami-find: no image matched in ${units} ${units === 1 ? 'region' : 'regions'}`);
  return EXIT.NO_MATCH;
}
