/**
 * `--dry-run`: one DescribeImages request with DryRun=true. EC2 answers 412 DryRunOperation when the
 * request would have succeeded, or 403 UnauthorizedOperation when it would not (ec2-contract 3.3).
 */
import { EXIT } from '../errors.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';

/** True when `err` is EC2's "would have succeeded" answer to a DryRun request. */
export function isDryRunSuccess(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; code?: string; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'DryRunOperation' || e.Code === 'DryRunOperation' || e.code === 'E_DRY_RUN_OK') return true;
  return e.cause !== undefined && e.cause !== err && isDryRunSuccess(e.cause);
}

/** Send the dry-run request; exit 0 when it would have succeeded, else throws the request's error. */
export async function runDryRun(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const { findImages } = await import('../index.js');
  const listing = findImages(opts.query, { pagination: { ...opts.pagination, MaxItems: 1 }, aws: opts.aws });
  try {
    for await (const image of listing) { void image; break; }
  } catch (err) {
    if (!isDryRunSuccess(err)) throw err;
    say(io, 'ami-find: dry run: the request would have succeeded (DryRunOperation)');
    return EXIT.OK;
  }
  // An endpoint that ignores DryRun answers with images: the request evidently succeeds.
  say(io, 'ami-find: dry run: the endpoint ignored DryRun and answered normally; the request succeeds');
  return EXIT.OK;
}
