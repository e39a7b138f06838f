/** The library's entry point: a query in, a lazy async iterator of images out. */
import { toAmiFindError } from './aws/errors.js';
import { usageError } from './errors.js';
import { fanOut, type FanOutListing, type FanOutOptions } from './fan-out/listing.js';
import { createListing, type ImageListing } from './paginate/listing.js';
import { queryToInput } from './query/to-input.js';
import type { AwsClientOptions, ImagePageSource, ImageQuery, PageProgress, PaginationConfig } from './types.js';

/** How to run a query: pagination (boto3 PaginationConfig), where pages come from, progress, cancellation. */
export interface FindOptions {
  pagination?: PaginationConfig;
  /** How to reach EC2 when `source` is not given. */
  aws?: AwsClientOptions;
  /** Pages from here instead of EC2 (tests, caches, other transports). */
  source?: ImagePageSource;
  /** Called after each page arrives. */
  onPage?: (p: PageProgress) => void;
  /** Awaited before the listing asks for each page; a consumer that buffers output per page flushes it here. */
  beforeRequest?: () => Promise<void> | void;
  /** Aborts the requests in flight; the listing then fails with E_INTERRUPTED (exit 130). */
  signal?: AbortSignal;
}

/** Fan-out options: with `regions` or `profiles`, findImages lists every (profile, region) and tags each image with its origin. */
export type FindEverywhereOptions = Omit<FindOptions, 'source' | 'beforeRequest' | 'onPage'> & Omit<FanOutOptions, 'aws' | 'signal' | 'pageSize'>
  & ({ regions: FanOutOptions['regions'] } | { profiles: readonly string[] });

/**
 * Find images: DescribeImages pages fetched as the consumer iterates, with boto3 PaginationConfig
 * semantics. Failures are AmiFindErrors; `resumeToken()` tells where to resume. With `regions`
 * ('all' or a list) or `profiles`, every (profile, region) is listed concurrently and each image
 * carries `Region` (and `Profile`); failed units are in the listing's `failures`, not thrown.
 */
export function findImages(query: ImageQuery, opts: FindEverywhereOptions): FanOutListing;
export function findImages(query: ImageQuery, opts?: FindOptions): ImageListing;
export function findImages(query: ImageQuery, opts: FindOptions | FindEverywhereOptions = {}): ImageListing | FanOutListing {
  if ('regions' in opts || 'profiles' in opts) {
    const { pagination, ...rest } = opts;
    // Several listings cannot share one resume token (src/fan-out/listing.ts).
    if (pagination?.MaxItems !== undefined || pagination?.StartingToken !== undefined) {
      throw usageError('MaxItems and StartingToken apply to one region and profile, not to several');
    }
    return fanOut(query, { ...rest, pageSize: pagination?.PageSize });
  }
  const aws = opts.aws ?? {};
  return createListing({
    input: queryToInput(query),
    pagination: opts.pagination,
    source: async () => opts.source ?? (await import('./aws/page-source.js')).createEc2PageSource(aws),
    onPage: opts.onPage,
    beforeRequest: opts.beforeRequest,
    signal: opts.signal,
    mapError: (e) => toAmiFindError(e, { region: aws.region, endpoint: aws.endpoint }),
  });
}
