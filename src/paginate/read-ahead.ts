/**
 * Fetches a listing's pages one after another, with at most one page in flight ahead of the page
 * being waited for: as soon as that page's response shows its NextToken, before it is parsed
 * (PageRequestOptions.onNextToken), the request for the page after it goes out. Parsing and
 * printing one page then overlaps fetching the next (issue 6: "decoding a page overlaps waiting
 * for the next"). The page fetched ahead is used only when the parsed page's NextToken is the
 * token it was fetched with; otherwise it is aborted and the right page is fetched.
 */
import type { ImagePage, PageRequestOptions } from '../types.js';

/**
 * Send one page request: the page fetched with `token` (null: the first page). `onNextToken` is
 * given only when an early token could be used (reading the token early and yielding to send the
 * next request cost a little on every page).
 */
export type SendPage = (token: string | null, signal: AbortSignal, onNextToken: PageRequestOptions['onNextToken']) => Promise<ImagePage>;

/** A page and how long its request took (from sending to the parsed page, not to when it was asked for). */
export interface FetchedPage {
  page: ImagePage;
  ms: number;
}

const NOT_SEEN = Symbol('not seen');

/** One page request in flight. */
interface InFlight {
  token: string | null;
  controller: AbortController;
  /** The NextToken its response showed before parsing; NOT_SEEN until then (or for ever, with a source that never tells). */
  next: string | undefined | typeof NOT_SEEN;
  started: number;
  /** When the page arrived (parsed), or undefined while in flight. */
  arrived?: number;
  page: Promise<ImagePage>;
}

export class PageFetcher {
  /** The request whose page the listing is waiting for. */
  private awaited: InFlight | undefined;
  /** The request for the page after it, started early. */
  private ahead: InFlight | undefined;
  /** Whether the page after the awaited one is sure to be wanted (the listing decides per page). */
  private mayReadAhead = false;

  /**
   * Aborts the requests in flight when `signal` aborts. One listener for the fetcher's life (added
   * with its first request, removed by stop()), not one per request. Why: a listener per request
   * on the caller's long-lived signal made each request's objects reachable from the old
   * generation while in flight, so V8's scavenges promoted them: 12.7 MB promoted per 100k images
   * against 3.3 MB without, which grew the heap between full GCs and peak RSS with the length of a
   * listing (issue 6).
   */
  private relay: (() => void) | undefined;

  /** `signal` aborts every request, the awaited one and the one ahead. */
  constructor(private readonly send: SendPage, private readonly signal?: AbortSignal) {}

  /**
   * The page fetched with `token`: the one already fetched ahead when its token matches, else a
   * new request. `readAhead`: the page after this one will be wanted, so fetch it early.
   */
  async fetch(token: string | null, readAhead: boolean): Promise<FetchedPage> {
    let request = this.ahead;
    this.ahead = undefined;
    if (request === undefined || request.token !== token) {
      request?.controller.abort();
      request = this.start(token, readAhead);
    }
    this.awaited = request;
    this.mayReadAhead = readAhead;
    if (request.next !== NOT_SEEN) this.startNext(request);
    try {
      const page = await request.page;
      return { page, ms: (request.arrived ?? performance.now()) - request.started };
    } finally {
      this.awaited = undefined;
    }
  }

  /** Abort the page fetched ahead, if any (the listing is over or stopped). */
  stop(): void {
    this.ahead?.controller.abort();
    this.ahead = undefined;
    if (this.relay !== undefined) this.signal?.removeEventListener('abort', this.relay);
    this.relay = undefined;
  }

  /** Send the request for `token`; `hinted`: ask for its NextToken early, to read the page after it ahead. */
  private start(token: string | null, hinted: boolean): InFlight {
    const controller = new AbortController();
    const outer = this.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    else if (outer !== undefined && this.relay === undefined) {
      this.relay = () => {
        this.awaited?.controller.abort(outer.reason);
        this.ahead?.controller.abort(outer.reason);
      };
      outer.addEventListener('abort', this.relay, { once: true });
    }
    const request: InFlight = { token, controller, next: NOT_SEEN, started: performance.now(), page: Promise.resolve({}) };
    request.page = this.send(token, controller.signal, !hinted ? undefined : (next) => {
      request.next = next;
      if (this.awaited === request) this.startNext(request);
    });
    const settled = () => {
      request.arrived = performance.now();
    };
    request.page.then(settled, settled);
    return request;
  }

  /** Start fetching the page after `from` (the awaited page) once its NextToken is seen, when allowed. */
  private startNext(from: InFlight): void {
    const next = from.next;
    if (!this.mayReadAhead || this.ahead !== undefined || this.signal?.aborted) return;
    // No token: the last page. The same token again: the listing stops with E_REPEATED_TOKEN.
    if (typeof next !== 'string' || next === from.token) return;
    // Hinted: whether the page after it may be read ahead too is only known once it is asked for.
    const request = this.start(next, true);
    // It may never be asked for (the listing stops first); its error counts only when it is.
    request.page.catch(() => undefined);
    this.ahead = request;
  }
}
