/**
 * botocore PageIterator semantics (boto3 PaginationConfig, AWS CLI --page-size/--max-items/
 * --starting-token) over any ImagePageSource, as a lazy async iterator of images, one page at a time.
 * Source: boto/botocore `botocore/paginate.py` PageIterator.__iter__, _truncate_response.
 */
import { AmiFindError, EXIT, usageError } from '../errors.js';
import type { DescribeImagesCommandInput, Image, ImagePage, ImagePageSource, PageProgress, PaginationConfig } from '../types.js';
import { decodeStartingToken, encodeResumeToken, type ResumeToken } from './token.js';

/** MaxResults sent when PageSize is not given: DescribeImages must never go unpaginated. */
export const DEFAULT_PAGE_SIZE = 1000;

/** A listing of images: iterate once (by image, or by page with `batches`); ask for a resume token at any point. */
export interface ImageListing extends AsyncIterable<Image> {
  /**
   * The same listing a page at a time (one await per page, not per image): each batch is the part
   * of a page the consumer gets, received once yielded. Use this or the image iterator, not both.
   */
  batches(): AsyncIterable<readonly Image[]>;
  /** botocore-format token for the position after the last image received; undefined when the listing is complete. */
  resumeToken(): string | undefined;
  /** Pages fetched so far. */
  readonly pages: number;
}

/** What a listing needs besides the pagination config. */
export interface ListingOptions {
  /** The query's DescribeImages input, without NextToken and MaxResults. */
  input: DescribeImagesCommandInput;
  pagination?: PaginationConfig;
  /** Where pages come from; called once, on the first request. */
  source: () => Promise<ImagePageSource>;
  onPage?: (p: PageProgress) => void;
  /** Awaited before each request (the CLI writes the rows it buffered for the page before). */
  beforeRequest?: () => Promise<void> | void;
  signal?: AbortSignal;
  /** Turns whatever the source throws into an AmiFindError. */
  mapError?: (err: unknown) => unknown;
}

/**
 * The page the consumer is reading: the token that fetched it (null: the first), items skipped at
 * its start (resumed), its size after that, items handed out, its NextToken. Not its images: the
 * listing holds no page while the next is fetched.
 */
interface CurrentPage {
  token: string | null;
  skip: number;
  size: number;
  delivered: number;
  next: string | undefined;
}

/** Create a lazy listing; nothing is fetched until the consumer asks for the first image. */
export function createListing(opts: ListingOptions): ImageListing {
  return new PagedListing(opts);
}

class PagedListing implements ImageListing {
  private pageCount = 0;
  /** Images fetched so far (before any resume skip or MaxItems cut), for progress. */
  private fetched = 0;
  private readonly start: ResumeToken | AmiFindError;
  private current: CurrentPage | undefined;
  private complete = false;
  private readonly pageIterator: AsyncGenerator<Image[], void, undefined>;
  private readonly iterator: AsyncGenerator<Image, void, undefined>;

  constructor(private readonly opts: ListingOptions) {
    const token = opts.pagination?.StartingToken;
    this.start = { nextToken: null };
    if (token !== undefined) {
      try {
        this.start = decodeStartingToken(token);
      } catch (e) {
        this.start = e as AmiFindError;
      }
    }
    this.pageIterator = this.run();
    this.iterator = this.images();
  }

  get pages(): number {
    return this.pageCount;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Image, void, undefined> {
    return this.iterator;
  }

  async *batches(): AsyncGenerator<readonly Image[], void, undefined> {
    let step: IteratorResult<Image[]> | undefined;
    for (;;) {
      // Why not for-await: its variable would hold this page while the next is fetched and parsed.
      // eslint-disable-next-line no-useless-assignment -- drops the last page before the await
      step = undefined;
      step = await this.pageIterator.next();
      if (step.done === true) return;
      this.current!.delivered = step.value.length;
      yield step.value;
    }
  }

  private async *images(): AsyncGenerator<Image, void, undefined> {
    for await (const batch of this.pageIterator) {
      const page = this.current!;
      for (const image of batch) {
        page.delivered++;
        yield image;
      }
    }
  }

  resumeToken(): string | undefined {
    if (this.complete) return undefined;
    const page = this.current;
    if (page === undefined) {
      return this.start instanceof AmiFindError ? this.opts.pagination?.StartingToken : encodeResumeToken(this.start);
    }
    if (page.delivered < page.size) {
      // Cut inside a page: botocore records the token that fetched it and how many of its items were returned.
      return encodeResumeToken({ nextToken: page.token, truncateAmount: page.skip + page.delivered });
    }
    return page.next === undefined ? undefined : encodeResumeToken({ nextToken: page.next });
  }

  /** Each page's deliverable part; resumed only after the consumer took all of it. */
  private async *run(): AsyncGenerator<Image[], void, undefined> {
    if (this.start instanceof AmiFindError) throw this.start;
    const { maxItems, pageSize } = checkPagination(this.opts.pagination);
    let source: ImagePageSource;
    try {
      source = await this.opts.source();
    } catch (e) {
      throw this.opts.mapError ? this.opts.mapError(e) : e;
    }
    let received = 0;
    let token = this.start.nextToken;
    let skip = this.start.truncateAmount ?? 0;
    for (;;) {
      const page = await this.fetch(source, pageRequest(this.opts.input, token, pageSize));
      let batch: Image[] | undefined = this.take(page, token, skip, maxItems === undefined ? Infinity : maxItems - received);
      const { next } = this.current!;
      if (batch.length > 0) {
        received += batch.length;
        yield batch;
      }
      // eslint-disable-next-line no-useless-assignment -- the page is garbage before the next fetch
      batch = undefined;
      if (maxItems !== undefined && received >= maxItems) return;
      if (next === undefined) {
        this.complete = true;
        return;
      }
      // botocore raises PaginationError here; following the token again would loop forever.
      if (next === token) {
        throw new AmiFindError('E_REPEATED_TOKEN', EXIT.INTERNAL,
          `EC2 returned the same NextToken twice in a row (${next}); stopping instead of looping forever`);
      }
      token = next;
      skip = 0;
    }
  }

  /** Make `page` the current page; the part of it the consumer gets (at most `room` images). */
  private take(page: ImagePage, token: string | null, skip: number, room: number): Image[] {
    const all = page.Images ?? []; // EC2 may omit <imagesSet>: the SDK then gives undefined.
    const images = skip === 0 ? all : all.slice(skip);
    // "" ends the listing like an absent NextToken (botocore, JS SDK).
    this.current = { token, skip, size: images.length, delivered: 0, next: page.NextToken ? page.NextToken : undefined };
    return room >= images.length ? images : images.slice(0, Math.max(0, room));
  }

  private async fetch(source: ImagePageSource, request: DescribeImagesCommandInput): Promise<ImagePage> {
    const { signal, onPage, mapError, beforeRequest } = this.opts;
    await beforeRequest?.();
    // After beforeRequest: writing buffered rows can find stdout closed, which aborts the signal.
    if (signal?.aborted) throw interrupted(signal);
    const started = performance.now();
    let page: ImagePage;
    try {
      page = await source.describeImagesPage(request, signal);
    } catch (e) {
      if (signal?.aborted) throw interrupted(signal);
      throw mapError ? mapError(e) : e;
    }
    const pageImages = page.Images?.length ?? 0;
    this.pageCount++;
    this.fetched += pageImages;
    onPage?.({ pages: this.pageCount, pageImages, totalImages: this.fetched, ms: Math.round(performance.now() - started) });
    return page;
  }
}

/** The DescribeImages input of one page request: the query, its NextToken and MaxResults. */
export function pageRequest(input: DescribeImagesCommandInput, token: string | null, pageSize: number): DescribeImagesCommandInput {
  const request: DescribeImagesCommandInput = { ...input };
  // botocore's _inject_token_into_kwargs treats null and the string 'None' as "no token".
  if (token !== null && token !== 'None') request.NextToken = token;
  // MaxResults with ImageIds may be rejected (InvalidParameterCombination); never send both.
  if (!(input.ImageIds && input.ImageIds.length > 0)) request.MaxResults = pageSize;
  return request;
}

function checkPagination(p: PaginationConfig | undefined): { maxItems?: number; pageSize: number } {
  const pageSize = p?.PageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw usageError(`PageSize must be a whole number >= 1, got ${pageSize}`);
  const maxItems = p?.MaxItems;
  if (maxItems !== undefined && (!Number.isSafeInteger(maxItems) || maxItems < 0)) {
    throw usageError(`MaxItems must be a whole number >= 0, got ${maxItems}`);
  }
  return { maxItems, pageSize };
}

function interrupted(signal: AbortSignal): AmiFindError {
  return new AmiFindError('E_INTERRUPTED', EXIT.INTERRUPTED, 'interrupted', undefined, { cause: signal.reason });
}
