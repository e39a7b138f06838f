/**
 * `--dry-run`: one DescribeImages request with DryRun=true. EC2 answers 412 DryRunOperation when the
 * request would have succeeded, or 403 UnauthorizedOperation when it would not (EC2's DryRun parameter).
 */
import { AmiFindError, EXIT } from '../errors.js';
import { say, type CliIo } from './io.js';
import type { FanOutPlan, ResolvedOptions } from './resolve.js';
import { compareUnits, unitLabel } from '../fan-out/units.js';

/** Send the dry-run request; exit 0 when it would have succeeded, else throws the request's error. */
export async function runDryRun(opts: ResolvedOptions, io: CliIo): Promise<number> {
  if (opts.fanOut) return dryRunEach(opts, opts.fanOut, io);
  const { findImages } = await import('../index.js');
  const listing = findImages(opts.query, { pagination: { ...opts.pagination, MaxItems: 1 }, aws: opts.aws });
  try {
    for await (const image of listing) { void image; break; }
  } catch (err) {
    // findImages maps EC2's errors: DryRunOperation arrives as E_DRY_RUN_OK (src/aws/errors.ts).
    if (!(err instanceof AmiFindError && err.code === 'E_DRY_RUN_OK')) throw err;
    say(io, 'ami-find: dry run: the request would have succeeded (DryRunOperation)');
    return EXIT.OK;
  }
  // An endpoint that ignores DryRun answers with images: the request evidently succeeds.
  say(io, 'ami-find: dry run: the endpoint ignored DryRun and answered normally; the request succeeds');
  return EXIT.OK;
}

/** `--dry-run` across regions and profiles: one DryRun request per unit, one stderr line each; 0 when every unit would succeed. */
async function dryRunEach(opts: ResolvedOptions, plan: FanOutPlan, io: CliIo): Promise<number> {
  const { fanOut, failureLine } = await import('../index.js');
  const listing = fanOut(opts.query, {
    regions: plan.regions, profiles: plan.profiles, concurrency: plan.concurrency, aws: opts.aws, pageSize: 5,
    queryFor: plan.queryFor ? (unit) => plan.queryFor!(unit.region || opts.aws.region || '') : undefined,
  });
  for await (const batch of listing.batches()) void batch; // an endpoint ignoring DryRun answers with images: that unit succeeds
  for (const notice of listing.notices) say(io, `ami-find: notice: ${notice}`);
  const failed = listing.failures.filter((f) => f.error.code !== 'E_DRY_RUN_OK');
  // A profile whose DryRun passed somewhere has good credentials: its AuthFailure elsewhere is a region not enabled.
  const worked = new Set([...listing.profilesWorked, ...listing.failures.filter((f) => !failed.includes(f)).map((f) => f.unit.profile)]);
  for (const unit of [...listing.units].sort(compareUnits)) {
    const f = failed.find((x) => x.unit === unit);
    say(io, `ami-find: dry run: ${f ? failureLine(f, worked.has(unit.profile)) : `${unitLabel(unit)}: the request would have succeeded`}`);
  }
  for (const f of failed.filter((x) => !listing.units.includes(x.unit))) say(io, `ami-find: dry run: ${failureLine(f, false)}`);
  if (failed.length === 0) return EXIT.OK;
  const same = failed.every((f) => f.error.exitCode === failed[0]!.error.exitCode);
  return failed.length >= listing.units.length && same ? failed[0]!.error.exitCode : EXIT.PARTIAL;
}
