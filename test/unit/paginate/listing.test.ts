import { AmiFindError } from '../../../src/errors.js';
import { createListing, type ImageListing } from '../../../src/paginate/listing.js';
import { decodeStartingToken, encodeResumeToken } from '../../../src/paginate/token.js';
import type { Image, PageProgress, PaginationConfig } from '../../../src/types.js';
import { fakeImages, fakeSource, type FakeSource } from './fake-source.js';
import { rejection as failure } from '../../support/errors.js';

const ids = (images: Image[]) => images.map((i) => Number(i.ImageId!.slice(4)));

function listing(source: FakeSource, pagination?: PaginationConfig, extra: Partial<Parameters<typeof createListing>[0]> = {}): ImageListing {
  return createListing({ input: { Owners: ['self'] }, pagination, source: async () => source, ...extra });
}

async function drain(l: ImageListing): Promise<Image[]> {
  const out: Image[] = [];
  for await (const image of l) out.push(image);
  return out;
}

describe('listing: botocore PageIterator semantics', () => {
  test('when resuming the domain-notes worked example (12 images, PageSize 5, MaxItems 3) then items and tokens match botocore', async () => {
    const images = fakeImages(12);
    const expected = [
      { items: [0, 1, 2], token: 'eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ==' },
      { items: [3, 4, 5], token: encodeResumeToken({ nextToken: 'T5', truncateAmount: 1 }) },
      { items: [6, 7, 8], token: encodeResumeToken({ nextToken: 'T5', truncateAmount: 4 }) },
      { items: [9, 10, 11], token: undefined },
    ];
    let startingToken: string | undefined;
    for (const step of expected) {
      const l = listing(fakeSource(images), { PageSize: 5, MaxItems: 3, StartingToken: startingToken });
      expect(ids(await drain(l))).toEqual(step.items);
      expect(l.resumeToken()).toBe(step.token);
      startingToken = l.resumeToken();
    }
    expect(decodeStartingToken(expected[1]!.token!)).toEqual({ nextToken: 'T5', truncateAmount: 1 });
  });

  test('when PageSize is given then it is sent as MaxResults on every request', async () => {
    const source = fakeSource(fakeImages(12));
    expect(ids(await drain(listing(source, { PageSize: 5 })))).toEqual([...Array(12).keys()]);
    expect(source.requests.map((r) => [r.MaxResults, r.NextToken])).toEqual([[5, undefined], [5, 'T5'], [5, 'T10']]);
    expect(source.requests.every((r) => r.Owners?.[0] === 'self')).toBe(true);
  });

  test('when PageSize is not given then MaxResults is still sent (never unpaginated)', async () => {
    const source = fakeSource(fakeImages(3));
    await drain(listing(source));
    expect(source.requests[0]!.MaxResults).toBe(1000);
  });

  test('when ImageIds are given then MaxResults is never sent', async () => {
    const source = fakeSource(fakeImages(3));
    const l = createListing({ input: { ImageIds: ['ami-00000001'] }, pagination: { PageSize: 5 }, source: async () => source });
    await drain(l);
    expect(source.requests).toHaveLength(1);
    expect('MaxResults' in source.requests[0]!).toBe(false);
  });

  test('when MaxItems ends on a page boundary then the token is the service token and the next page is not fetched', async () => {
    const source = fakeSource(fakeImages(12));
    const l = listing(source, { PageSize: 5, MaxItems: 5 });
    expect(ids(await drain(l))).toEqual([0, 1, 2, 3, 4]);
    expect(l.resumeToken()).toBe('eyJOZXh0VG9rZW4iOiAiVDUifQ==');
    expect(source.requests).toHaveLength(1);
  });

  test('when MaxItems equals the number of images then the listing is complete and has no token', async () => {
    const l = listing(fakeSource(fakeImages(10)), { PageSize: 5, MaxItems: 10 });
    expect(await drain(l)).toHaveLength(10);
    expect(l.resumeToken()).toBeUndefined();
  });

  test('when MaxItems is 0 then, like botocore, the first page is fetched and the token points at its start', async () => {
    const l = listing(fakeSource(fakeImages(12)), { PageSize: 5, MaxItems: 0 });
    expect(await drain(l)).toEqual([]);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: null, truncateAmount: 0 }));
  });

  test('when a raw EC2 NextToken is the starting token then the listing starts there', async () => {
    const l = listing(fakeSource(fakeImages(12)), { PageSize: 5, StartingToken: 'T10' });
    expect(ids(await drain(l))).toEqual([10, 11]);
  });

  test('when the starting token is invalid then iterating fails with E_BAD_TOKEN exit 2 and nothing is fetched', async () => {
    const source = fakeSource(fakeImages(3));
    const err = await failure(drain(listing(source, { StartingToken: 'a b' })));
    expect([err.code, err.exitCode]).toEqual(['E_BAD_TOKEN', 2]);
    expect(source.requests).toHaveLength(0);
  });

  test('when PageSize is not a positive whole number then a usage error', async () => {
    const err = await failure(drain(listing(fakeSource(fakeImages(3)), { PageSize: 0 })));
    expect([err.code, err.exitCode]).toEqual(['E_USAGE', 2]);
  });
});

describe('listing: laziness and resume positions', () => {
  test('when the consumer takes one image and stops then no further page is fetched and the token resumes after it', async () => {
    const source = fakeSource(fakeImages(12));
    const l = listing(source, { PageSize: 5 });
    for await (const image of l) {
      expect(image.ImageId).toBe('ami-00000000');
      break;
    }
    expect(source.requests).toHaveLength(1);
    expect(l.pages).toBe(1);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: null, truncateAmount: 1 }));
  });

  test('when a resumed listing is cut inside its first page then the truncate amount counts the skipped items too', async () => {
    const l = listing(fakeSource(fakeImages(12)), { PageSize: 5, StartingToken: encodeResumeToken({ nextToken: 'T5', truncateAmount: 2 }) });
    const got: Image[] = [];
    for await (const image of l) {
      got.push(image);
      if (got.length === 2) break;
    }
    expect(ids(got)).toEqual([7, 8]);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5', truncateAmount: 4 }));
  });

  test('when nothing was fetched yet then the resume token is the starting position', () => {
    expect(listing(fakeSource([]), { StartingToken: 'T5' }).resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
    expect(listing(fakeSource([])).resumeToken()).toBe(encodeResumeToken({ nextToken: null }));
  });

  test('when a request fails mid-listing then the error is mapped, the token resumes exactly after the last image', async () => {
    const images = fakeImages(12);
    const source = fakeSource(images, (_req, call) => (call === 2 ? new Error('boom') : undefined));
    const l = listing(source, { PageSize: 5 }, { mapError: (e) => new AmiFindError('E_TEST', 8, String(e)) });
    const got: Image[] = [];
    const err = await failure((async () => { for await (const i of l) got.push(i); })());
    expect([err.code, err.exitCode]).toEqual(['E_TEST', 8]);
    expect(ids(got)).toEqual([0, 1, 2, 3, 4]);
    const rest = await drain(listing(fakeSource(images), { PageSize: 5, StartingToken: l.resumeToken() }));
    expect(ids([...got, ...rest])).toEqual([...Array(12).keys()]);
  });

  test('when the signal is aborted between pages then E_INTERRUPTED exit 130 and no further request', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(12));
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    const got: Image[] = [];
    const err = await failure((async () => {
      for await (const i of l) {
        got.push(i);
        if (got.length === 3) controller.abort();
      }
    })());
    expect([err.code, err.exitCode]).toEqual(['E_INTERRUPTED', 130]);
    expect(got).toHaveLength(5);
    expect(source.requests).toHaveLength(1);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
  });

  test('when the listing is interrupted while it waits for a page then that request is aborted', async () => {
    const controller = new AbortController();
    const never = () => new Promise<void>(() => undefined);
    const source = fakeSource(fakeImages(17), undefined, { delay: (call) => (call === 2 ? never() : Promise.resolve()) });
    const l = listing(source, { PageSize: 5 }, { signal: controller.signal });
    const err = await failure((async () => {
      for await (const _ of l.batches()) setTimeout(() => controller.abort(new Error('interrupted')), 10);
    })());
    expect(err.code).toBe('E_INTERRUPTED');
    expect(source.signals[1]!.aborted).toBe(true);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
  });

  test('when the source fails because of an abort then E_INTERRUPTED, not the source error', async () => {
    const controller = new AbortController();
    const source = fakeSource(fakeImages(3), () => {
      controller.abort();
      return new Error('socket hang up');
    });
    const err = await failure(drain(listing(source, {}, { signal: controller.signal })));
    expect(err.code).toBe('E_INTERRUPTED');
  });
});

describe('listing: odd pages', () => {
  test('when pages are empty but carry a token then they are followed', async () => {
    const images = fakeImages(4);
    const pages = [
      { Images: [], NextToken: 'a' },
      { NextToken: 'b' },
      { Images: images.slice(0, 2), NextToken: 'c' },
      { Images: [], NextToken: 'd' },
      { Images: images.slice(2), NextToken: '' },
    ];
    const source = fakeSource(images, (_r, call) => pages[call - 1]);
    const l = listing(source, { PageSize: 5 });
    expect(ids(await drain(l))).toEqual([0, 1, 2, 3]);
    expect(source.requests.map((r) => r.NextToken)).toEqual([undefined, 'a', 'b', 'c', 'd']);
    expect(l.resumeToken()).toBeUndefined();
  });

  test('when the listing stops after an empty page with a token then the token is that page boundary', async () => {
    const source = fakeSource([], (_r, call) => (call === 1 ? { NextToken: 'a' } : new Error('down')));
    const l = listing(source, {}, { mapError: (e) => new AmiFindError('E_TEST', 8, String(e)) });
    await failure(drain(l));
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'a' }));
  });

  test('when EC2 sends the same token twice in a row then E_REPEATED_TOKEN after the page images, not an endless loop', async () => {
    const images = fakeImages(4);
    const source = fakeSource(images, (req) =>
      req.NextToken === undefined ? { Images: images.slice(0, 2), NextToken: 'x' } : { Images: images.slice(2), NextToken: 'x' });
    const got: Image[] = [];
    const err = await failure((async () => { for await (const i of listing(source, { PageSize: 2 })) got.push(i); })());
    expect(err.code).toBe('E_REPEATED_TOKEN');
    expect(ids(got)).toEqual([0, 1, 2, 3]);
    expect(source.requests).toHaveLength(2);
  });

  test('when pages arrive then onPage reports pages, page size, running total and time', async () => {
    const seen: PageProgress[] = [];
    await drain(listing(fakeSource(fakeImages(7)), { PageSize: 5 }, { onPage: (p) => seen.push(p) }));
    expect(seen.map(({ pages, pageImages, totalImages }) => [pages, pageImages, totalImages])).toEqual([[1, 5, 5], [2, 2, 7]]);
    expect(seen.every((p) => typeof p.ms === 'number' && p.ms >= 0)).toBe(true);
  });

  test('when the listing is read by batches then the batches, images and tokens match the image iterator (botocore worked example)', async () => {
    const images = fakeImages(12);
    let startingToken: string | undefined;
    const tokens: (string | undefined)[] = [];
    const batches: number[][] = [];
    for (let step = 0; step < 4; step++) {
      const l = listing(fakeSource(images), { PageSize: 5, MaxItems: 3, StartingToken: startingToken });
      for await (const batch of l.batches()) batches.push(ids([...batch]));
      tokens.push(l.resumeToken());
      startingToken = l.resumeToken();
    }
    // A batch never spans pages: step 2 ends page 1 and starts T5; step 4 ends T5 and reads T10.
    expect(batches).toEqual([[0, 1, 2], [3, 4], [5], [6, 7, 8], [9], [10, 11]]);
    expect(tokens).toEqual([
      'eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ==',
      encodeResumeToken({ nextToken: 'T5', truncateAmount: 1 }),
      encodeResumeToken({ nextToken: 'T5', truncateAmount: 4 }),
      undefined,
    ]);
  });

  test('when a batch consumer stops after the first page then the token resumes at the second', async () => {
    const l = listing(fakeSource(fakeImages(12)), { PageSize: 5 });
    for await (const batch of l.batches()) { expect(batch).toHaveLength(5); break; }
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
  });

  test('when beforeRequest is given then it is awaited before every request, after the images of the page before', async () => {
    const source = fakeSource(fakeImages(7));
    const events: string[] = [];
    const l = listing(source, { PageSize: 5 }, {
      beforeRequest: async () => { events.push(`before ${source.requests.length}`); await Promise.resolve(); },
    });
    for await (const image of l) events.push(`image ${ids([image])[0]}`);
    expect(events).toEqual(['before 0', 'image 0', 'image 1', 'image 2', 'image 3', 'image 4', 'before 1', 'image 5', 'image 6']);
  });

  test('when beforeRequest aborts the signal then no further request is sent and the listing is interrupted', async () => {
    const source = fakeSource(fakeImages(7));
    const controller = new AbortController();
    const got: Image[] = [];
    const l = listing(source, { PageSize: 5 }, {
      signal: controller.signal,
      beforeRequest: () => { if (source.requests.length > 0) controller.abort(new Error('stdout closed')); },
    });
    const err = await failure((async () => { for await (const i of l) got.push(i); })());
    expect(err.code).toBe('E_INTERRUPTED');
    expect(source.requests).toHaveLength(1);
    expect(ids(got)).toEqual([0, 1, 2, 3, 4]);
    expect(l.resumeToken()).toBe(encodeResumeToken({ nextToken: 'T5' }));
  });
});
