/**
 * `--dry-run`: one DescribeImages request with DryRun=true. EC2 answers 412 DryRunOperation when the
 * request would have succeeded, or 403 UnauthorizedOperation when it would not (EC2's DryRun parameter).
 */
import { AmiFindError, EXIT } from '../errors.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';

/** Send the dry-run request; exit 0 when it would have succeeded, else throws the request's error. */
export async function runDryRun(opts: ResolvedOptions, io: CliIo): Promise<number> {
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
