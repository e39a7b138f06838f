/**
 * findImages end to end: the real @aws-sdk/client-ec2 over HTTP against the local EC2 endpoint.
 * Pagination semantics (PageSize, MaxItems, StartingToken chains) and what goes on the wire.
 */
import { lazyEc2PageSource } from '../../src/aws/page-source.js';
import { findImages, type FindOptions } from '../../src/index.js';
import { rejection } from '../support/errors.js';
import type { Image, ImageQuery, PageProgress } from '../../src/types.js';
import { useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint({ inProcess: true });

const aws = () => ({ region: 'us-east-1', endpoint: local.server.url, maxAttempts: 1 });

async function collect(query: ImageQuery, opts: FindOptions = {}): Promise<{ ids: string[]; token?: string; pages: number }> {
  const listing = findImages(query, { aws: aws(), ...opts });
  const ids: string[] = [];
  for await (const image of listing) ids.push(image.ImageId!);
  return { ids, token: listing.resumeToken(), pages: listing.pages };
}

/** Resolves once `done()` holds, or after `ms` (the caller's assertion then fails). */
async function until(done: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 5));
}

function describeImagesRequests(since: number) {
  return local.server.requests.slice(since).filter((r) => r.action === 'DescribeImages');
}

describe('findImages over HTTP', () => {
  test('when listing every visible image page by page then the set is the same for every page size and MaxResults is always sent', async () => {
    const query: ImageQuery = { includeDeprecated: true };
    const big = await collect(query, { pagination: { PageSize: 1000 } });
    expect(big.ids.length).toBeGreaterThan(10);
    const before = local.server.requests.length;
    const small = await collect(query, { pagination: { PageSize: 5 } });
    expect([...small.ids].sort()).toEqual([...big.ids].sort());
    expect(new Set(small.ids).size).toBe(small.ids.length);
    const requests = describeImagesRequests(before);
    expect(requests).toHaveLength(small.pages);
    // At least ceil(n / 5): the endpoint makes some pages short, as EC2 may (contract §4.2).
    expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(small.ids.length / 5));
    expect(requests.every((r) => r.params.MaxResults === '5' && r.status === 200)).toBe(true);
    expect(requests.slice(1).every((r) => typeof r.params.NextToken === 'string')).toBe(true);
  });

  test('when MaxItems/StartingToken chains walk the listing then they give exactly the full sequence once', async () => {
    const query: ImageQuery = { includeDeprecated: true };
    const full = await collect(query, { pagination: { PageSize: 5 } });
    for (const maxItems of [1, 3, 5, 7, 13]) {
      const chained: string[] = [];
      let token: string | undefined;
      let rounds = 0;
      do {
        const part = await collect(query, { pagination: { PageSize: 5, MaxItems: maxItems, StartingToken: token } });
        expect(part.ids.length).toBeLessThanOrEqual(maxItems);
        chained.push(...part.ids);
        token = part.token;
        rounds++;
      } while (token !== undefined && rounds < 200);
      // Each image once; the order of two listings may differ (contract §4.3).
      expect([maxItems, [...chained].sort()]).toEqual([maxItems, [...full.ids].sort()]);
      expect(new Set(chained).size).toBe(chained.length);
    }
  });

  test('when ImageIds are given then MaxResults is not sent and the images come back', async () => {
    const some = (await collect({ includeDeprecated: true }, { pagination: { PageSize: 5, MaxItems: 2 } })).ids;
    const before = local.server.requests.length;
    const got = await collect({ imageIds: some }, { pagination: { PageSize: 5 } });
    expect([...got.ids].sort()).toEqual([...some].sort());
    const requests = describeImagesRequests(before);
    expect(requests.map((r) => r.params.MaxResults)).toEqual([undefined]);
    expect(requests[0]!.params['ImageId.1']).toBe(some[0]);
  });

  test('when the consumer stops after one image then no second page is requested', async () => {
    const before = local.server.requests.length;
    const listing = findImages({ includeDeprecated: true }, { aws: aws(), pagination: { PageSize: 5 } });
    let first: Image | undefined;
    for await (const image of listing) {
      first = image;
      break;
    }
    expect(first?.ImageId).toMatch(/^ami-/);
    expect(describeImagesRequests(before)).toHaveLength(1);
    const rest = await collect({ includeDeprecated: true }, { pagination: { PageSize: 5, StartingToken: listing.resumeToken() } });
    const all = await collect({ includeDeprecated: true }, { pagination: { PageSize: 5 } });
    const joined = [first!.ImageId!, ...rest.ids];
    expect([...joined].sort()).toEqual([...all.ids].sort());
    expect(new Set(joined).size).toBe(joined.length);
  });

  test('when a page is being read then the next one is already requested (read ahead), and only pages that are needed', async () => {
    const all = await collect({ includeDeprecated: true }, { pagination: { PageSize: 5 } });
    expect(all.pages).toBeGreaterThanOrEqual(4);
    const before = local.server.requests.length;
    const listing = findImages({ includeDeprecated: true }, { aws: aws(), pagination: { PageSize: 5 } });
    const seen: number[] = [];
    const ids: string[] = [];
    for await (const batch of listing.batches()) {
      // Nothing is read ahead of the first two pages (a reader gone after the first line costs two
      // requests): give a wrong request time to arrive.
      if (seen.length <= 1) await new Promise((r) => setTimeout(r, 100));
      // The request for the page after this one goes out once this page's token is read; wait for it (bounded).
      if (seen.length === 2) await until(() => describeImagesRequests(before).length >= 4, 5000);
      seen.push(describeImagesRequests(before).length);
      ids.push(...batch.map((i) => i.ImageId!));
    }
    expect(seen.slice(0, 3)).toEqual([1, 2, 4]);
    expect([...ids].sort()).toEqual([...all.ids].sort());
    expect(describeImagesRequests(before)).toHaveLength(listing.pages);
  });

  test('when pages arrive then onPage reports each with running totals', async () => {
    const seen: PageProgress[] = [];
    const got = await collect({ includeDeprecated: true }, { pagination: { PageSize: 5 }, onPage: (p) => seen.push(p) });
    expect(seen.map((p) => p.pages)).toEqual([...Array(got.pages).keys()].map((i) => i + 1));
    expect(seen.at(-1)!.totalImages).toBe(got.ids.length);
    expect(seen.reduce((n, p) => n + p.pageImages, 0)).toBe(got.ids.length);
  });

  test('when filters, owners and flags are given then they reach EC2 as DescribeImages parameters', async () => {
    const before = local.server.requests.length;
    await collect({ owners: ['self', 'amazon'], filters: [{ Name: 'architecture', Values: ['arm64', 'x86_64'] }], includeDeprecated: true },
      { pagination: { PageSize: 50 } });
    const params = describeImagesRequests(before)[0]!.params;
    expect(params).toMatchObject({
      'Owner.1': 'self', 'Owner.2': 'amazon', 'Filter.1.Name': 'architecture', 'Filter.1.Value.1': 'arm64',
      'Filter.1.Value.2': 'x86_64', IncludeDeprecated: 'true', MaxResults: '50',
    });
  });
});

describe('lazyEc2PageSource', () => {
  test('when two listings share one lazy source then each gives what a listing with its own client gives', async () => {
    const source = lazyEc2PageSource(aws());
    const query: ImageQuery = { includeDeprecated: true };
    const own = await collect(query, { pagination: { PageSize: 5 } });
    expect(own.ids.length).toBeGreaterThan(5);
    const first = await collect(query, { pagination: { PageSize: 5 }, source });
    const second = await collect({ ...query, filters: [{ Name: 'architecture', Values: ['arm64'] }] }, { pagination: { PageSize: 5 }, source });
    expect([...first.ids].sort()).toEqual([...own.ids].sort());
    expect(second.ids.length).toBeGreaterThan(0);
    expect(second.ids.every((id) => own.ids.includes(id))).toBe(true);
    expect(second.ids.length).toBeLessThan(own.ids.length);
  });

  test('when the client cannot be made then every page request fails with the same usage error', async () => {
    const source = lazyEc2PageSource({ region: 'us-east-1', endpoint: 'not a url' });
    for (let i = 0; i < 2; i++) {
      const e = await rejection(source.describeImagesPage({}));
      expect(e.code).toBe('E_BAD_ENDPOINT');
      expect(e.exitCode).toBe(2);
    }
  });
});
