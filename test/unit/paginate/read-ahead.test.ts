/**
 * Reading ahead: while the listing's consumer reads one page, the request for the next is already
 * out (src/paginate/read-ahead.ts), and nothing about the listing changes but when requests go.
 */
import { getEventListeners } from 'node:events';
import { AmiFindError } from '../../../src/errors.js';
import { createListing, type ImageListing } from '../../../src/paginate/listing.js';
import { encodeResumeToken } from '../../../src/paginate/token.js';
import type { Image, PaginationConfig } from '../../../src/types.js';
import { fakeImages, fakeSource, type FakeSource } from './fake-source.js';
import { rejection as failure } from '../../support/errors.js';

const ids = (images: readonly Image[]) => images.map((i) => Number(i.ImageId!.slice(4)));

function listing(source: FakeSource, pagination?: PaginationConfig, extra: Partial<Parameters<typeof createListing>[0]> = {}): ImageListing {
  return createListing({ input: { Owners: ['self'] }, pagination, source: async () => source, ...extra });
}

/** Drain by batches; `seen` gets the number of requests sent when each batch arrived. */
async function batches(l: ImageListing, seen: number[] = [], source?: FakeSource): Promise<number[]> {
  const out: number[] = [];
  for await (const batch of l.batches()) {
    if (source) seen.push(source.requests.length);
    out.push(...ids(batch));
  }
  return out;
}

/** A promise that never settles (a response that never comes, unless its request is aborted). */
const never = () => new Promise<void>(() => undefined);

describe('listing: reading ahead', () => {
  test('when pages tell their NextToken early then the next page is requested while one is read, from the third page on', async () => {
    const source = fakeSource(fakeImages(17), undefined, { early: true });
    const seen: number[] = [];
    expect(await batches(listing(source, { PageSize: 5 }), seen, source)).toEqual([...Array(17).keys()]);
    // Pages 1 and 2 alone (so a reader gone after the first rows costs two requests, issue 15);
    // page 4 out while page 3 is read; page 4 is the last.
    expect(seen).toEqual([1, 2, 4, 4]);
    expect(source.requests.map((r) => r.NextToken)).toEqual([undefined, 'T5', 'T10', 'T15']);
    // The first two pages never ask for their token early: nothing could use it.
    expect(source.hinted).toEqual([false, false, true, true]);
  });

  test('when a listing with a signal reads ahead over many pages then it leaves no abort listener behind', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(300), undefined, { early: (next, call) => (call % 3 === 0 ? 'T999' : next) });
    const most: number[] = [];
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    for await (const _ of l.batches()) most.push(getEventListeners(controller.signal, 'abort').length);
    expect(source.requests.length).toBeGreaterThan(60);
    // One listener for the whole listing, not one per request in flight: a listener per request
    // kept each request's objects reachable from the old generation (issue 6, read-ahead.ts).
    expect(Math.max(...most)).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('when the consumer stops early then the listing\'s abort listener is removed too', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(50), undefined, { early: true });
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    let n = 0;
    for await (const _ of l.batches()) if (++n === 3) break;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('when images carry their JSON text (json) then pages are fetched one at a time, so that two pages of line buffers are never alive', async () => {
    const source = fakeSource(fakeImages(17), undefined, { early: true });
    const seen: number[] = [];
    await batches(listing(source, { PageSize: 5 }, { json: true }), seen, source);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(source.hinted).toEqual([false, false, false, false]);
  });

  test('when a source never tells (the SDK parser) then pages are fetched one at a time', async () => {
    const source = fakeSource(fakeImages(17));
    const seen: number[] = [];
    await batches(listing(source, { PageSize: 5 }), seen, source);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  test('when reading ahead then images, resume tokens and requests are those of a listing without it (sizes, MaxItems, starting tokens)', async () => {
    const starts = [undefined, encodeResumeToken({ nextToken: null, truncateAmount: 2 }), encodeResumeToken({ nextToken: 'T5' }), encodeResumeToken({ nextToken: 'T5', truncateAmount: 3 })];
    let cases = 0;
    for (const n of [0, 1, 5, 12, 17]) {
      for (const PageSize of [1, 5, 7]) {
        for (const MaxItems of [undefined, 0, 3, 5, 6, 11, 100]) {
          for (const StartingToken of starts) {
            const run = async (early: boolean) => {
              const source = fakeSource(fakeImages(n), undefined, { early });
              const l = listing(source, { PageSize, MaxItems, StartingToken });
              const got = await batches(l);
              return { got, token: l.resumeToken(), pages: l.pages, requests: source.requests };
            };
            expect(await run(true)).toEqual(await run(false));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(5 * 3 * 7 * 4);
  });

  test('when MaxItems can be reached on the page being read then the page after it is not requested', async () => {
    const source = fakeSource(fakeImages(40), undefined, { early: true });
    const seen: number[] = [];
    expect(await batches(listing(source, { PageSize: 5, MaxItems: 12 }), seen, source)).toEqual([...Array(12).keys()]);
    // Page 3 could reach MaxItems (10 + 5 > 12): page 4 is never requested.
    expect(seen).toEqual([1, 2, 3]);
    expect(source.requests).toHaveLength(3);
  });

  test('when the early token is not the parsed one then the page read ahead is aborted and the right page fetched', async () => {
    const source = fakeSource(fakeImages(17), undefined, { early: (next) => (next === undefined ? undefined : 'T999') });
    expect(await batches(listing(source, { PageSize: 5 }))).toEqual([...Array(17).keys()]);
    const wrong = source.requests.flatMap((r, i) => (r.NextToken === 'T999' ? [i] : []));
    expect(wrong.length).toBeGreaterThan(0);
    for (const i of wrong) expect(source.signals[i]!.aborted).toBe(true);
    expect(source.requests.filter((r) => r.NextToken !== 'T999').map((r) => r.NextToken)).toEqual([undefined, 'T5', 'T10', 'T15']);
  });

  test('when the consumer stops while a page is in flight ahead then that request is aborted and the token resumes after what was read', async () => {
    const source = fakeSource(fakeImages(22), undefined, { early: true, delay: (call) => (call === 4 ? never() : Promise.resolve()) });
    const l = listing(source, { PageSize: 5 });
    let n = 0;
    for await (const _ of l.batches()) if (++n === 3) break;
    expect(source.requests.map((r) => r.NextToken)).toEqual([undefined, 'T5', 'T10', 'T15']);
    expect(source.signals[3]!.aborted).toBe(true);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T15' }));
  });

  test('when the page read ahead fails then the error comes when that page is asked for, after the pages before it', async () => {
    const source = fakeSource(fakeImages(17), (_req, call) => (call === 3 ? new Error('boom') : undefined), { early: true });
    const l = listing(source, { PageSize: 5 }, { mapError: (e) => new AmiFindError('E_TEST', 8, String(e)) });
    const got: number[] = [];
    const err = await failure((async () => { for await (const b of l.batches()) got.push(...ids(b)); })());
    expect([err.code, err.exitCode]).toEqual(['E_TEST', 8]);
    expect(got).toEqual([...Array(10).keys()]);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T10' }));
  });

  test('when the listing is interrupted while a page is in flight ahead then that request is aborted too', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(22), undefined, { early: true, delay: (call) => (call === 4 ? never() : Promise.resolve()) });
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    const err = await failure((async () => {
      let n = 0;
      for await (const _ of l.batches()) if (++n === 3) controller.abort(new Error('interrupted'));
    })());
    expect([err.code, err.exitCode]).toEqual(['E_INTERRUPTED', 130]);
    expect(source.signals[3]!.aborted).toBe(true);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T15' }));
  });

  test('when the listing is interrupted while it waits for a page then that request is aborted', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(17), undefined, { early: true, delay: (call) => (call === 2 ? never() : Promise.resolve()) });
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    const err = await failure((async () => {
      for await (const _ of l.batches()) setTimeout(() => controller.abort(new Error('interrupted')), 10);
    })());
    expect(err.code).toBe('E_INTERRUPTED');
    expect(source.signals[1]!.aborted).toBe(true);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
  });

  test('when EC2 repeats a token then nothing is read ahead and the listing stops with E_REPEATED_TOKEN', async () => {
    const source = fakeSource(fakeImages(17), (req) => (req.NextToken === 'T5' ? { Images: fakeImages(17).slice(5, 10), NextToken: 'T5' } : undefined), { early: true });
    const err = await failure(batches(listing(source, { PageSize: 5 })));
    expect(err.code).toBe('E_REPEATED_TOKEN');
    expect(source.requests.map((r) => r.NextToken)).toEqual([undefined, 'T5']);
  });
});
