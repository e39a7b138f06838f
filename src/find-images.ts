/** The library's entry point: a query in, a lazy async iterator of images out. */
import { toAmiFindError } from './aws/errors.js';
import { createListing, type ImageListing } from './paginate/listing.js';
import { queryToInput } from './query/to-input.js';
import type { AwsClientOptions, ImageField, ImagePageSource, ImageQuery, PageProgress, PaginationConfig } from './types.js';

/** How to run a query: pagination (boto3 PaginationConfig), where pages come from, progress, cancellation. */
export interface FindOptions {
  pagination?: PaginationConfig;
  /** How to reach EC2 when `source` is not given. */
  aws?: AwsClientOptions;
  /** Pages from here instead of EC2 (tests, caches, other transports). */
  source?: ImagePageSource;
  /** Called after each page arrives. */
  onPage?: (p: PageProgress) => void;
  /**
   * The Image members you read. ami-find may then leave the others out of the images it yields,
   * which makes parsing large listings several times faster; undefined: every member.
   */
  fields?: readonly ImageField[];
  /**
   * You print images as JSON with imageJson(image): ami-find may then write that text straight
   * from the response, so it has every member even when `fields` leaves some out of the object.
   */
  json?: boolean;
  /**
   * Awaited before the listing asks for each page; a consumer that buffers output per page flushes
   * it here. From the third page on, that page's request may already be in flight (one page is
   * read ahead), so this paces pages, not requests.
   */
  beforeRequest?: () => Promise<void> | void;
  /** Aborts the requests in flight; the listing then fails with E_INTERRUPTED (exit 130). */
  signal?: AbortSignal;
}

/**
 * Find images: DescribeImages pages fetched as the consumer iterates, at most one page ahead of
 * it (src/paginate/read-ahead.ts), with boto3 PaginationConfig semantics. Failures are
 * AmiFindErrors; `resumeToken()` tells where to resume.
 */
export function findImages(query: ImageQuery, opts: FindOptions = {}): ImageListing {
  const aws = opts.aws ?? {};
  return createListing({
    input: queryToInput(query),
    pagination: opts.pagination,
    source: async () => opts.source ?? (await import('./aws/page-source.js')).createEc2PageSource(aws),
    onPage: opts.onPage,
    beforeRequest: opts.beforeRequest,
    fields: opts.fields,
    json: opts.json,
    signal: opts.signal,
    mapError: (e) => toAmiFindError(e, { region: aws.region, endpoint: aws.endpoint }),
  });
}
