/** The library's entry point: a query in, a lazy async iterator of images out. */
import { toAmiFindError } from './aws/errors.js';
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

/**
 * Find images: DescribeImages pages fetched as the consumer iterates, with boto3 PaginationConfig
 * semantics. Failures are AmiFindErrors; `resumeToken()` tells where to resume.
 */
export function findImages(query: ImageQuery, opts: FindOptions = {}): ImageListing {
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
