/** Fan-out over units with fake page sources: tagging, failures kept apart, no unit waits for another. */
import { AmiFindError, EXIT } from '../../../src/errors.js';
import { fanOut } from '../../../src/fan-out/listing.js';
import { failureLine } from '../../../src/fan-out/failure.js';
import type { ImagePageSource } from '../../../src/types.js';

const sleep = (ms: number) => new Promise((r) => { setTimeout(r, ms); });

function source(region: string, opts: { delayMs?: number; fail?: AmiFindError; pages?: number } = {}): ImagePageSource {
  return {
    async describeImagesPage(input) {
      await sleep(opts.delayMs ?? 0);
      if (opts.fail) throw opts.fail;
      const page = input.NextToken === undefined ? 1 : Number(input.NextToken);
      const next = page < (opts.pages ?? 1) ? String(page + 1) : undefined;
      return { Images: [{ ImageId: `ami-${region}-${page}` }], NextToken: next };
    },
  };
}

test('when several regions are listed then every image carries its region and arrives as its region answers', async () => {
  const listing = fanOut({}, {
    regions: ['slow-1', 'fast-1', 'fast-2'],
    sourceFor: (u) => source(u.region, { delayMs: u.region === 'slow-1' ? 300 : 5, pages: 2 }),
  });
  const seen: string[] = [];
  for await (const image of listing) seen.push(`${image.Region}:${image.ImageId}`);
  expect(seen.slice(-2)).toEqual(['slow-1:ami-slow-1-1', 'slow-1:ami-slow-1-2']);
  expect(seen.sort()).toEqual(['fast-1:ami-fast-1-1', 'fast-1:ami-fast-1-2', 'fast-2:ami-fast-2-1', 'fast-2:ami-fast-2-2',
    'slow-1:ami-slow-1-1', 'slow-1:ami-slow-1-2']);
  expect(listing.failures).toEqual([]);
});

test('when the concurrency is 1 then units run one after another, and in parallel otherwise', async () => {
  const time = async (concurrency: number) => {
    const t = Date.now();
    for await (const _ of fanOut({}, { regions: ['a-1', 'b-1', 'c-1'], concurrency, sourceFor: (u) => source(u.region, { delayMs: 100 }) })) void _;
    return Date.now() - t;
  };
  expect(await time(1)).toBeGreaterThanOrEqual(290);
  expect(await time(3)).toBeLessThan(250);
});

test('when one region fails then the others are delivered and the failure is kept with its unit', async () => {
  const fail = new AmiFindError('E_THROTTLED', EXIT.THROTTLED, 'EC2 throttled the request after 3 attempts');
  const listing = fanOut({}, { regions: ['ok-1', 'bad-1'], sourceFor: (u) => source(u.region, { fail: u.region === 'bad-1' ? fail : undefined }) });
  const ids: string[] = [];
  for await (const image of listing) ids.push(image.ImageId ?? '');
  expect(ids).toEqual(['ami-ok-1-1']);
  expect(listing.failures.map((f) => [f.unit.region, f.error.code])).toEqual([['bad-1', 'E_THROTTLED']]);
  expect(failureLine(listing.failures[0]!, true)).toBe('bad-1: throttled: EC2 throttled the request after 3 attempts');
});

test('when several profiles are listed then each image carries its profile too', async () => {
  const listing = fanOut({}, { regions: ['r-1'], profiles: ['dev', 'prod'], sourceFor: (u) => source(`${u.profile}`) });
  const tags: string[] = [];
  for await (const image of listing) tags.push(`${image.Profile}/${image.Region}/${image.ImageId}`);
  expect(tags.sort()).toEqual(['dev/r-1/ami-dev-1', 'prod/r-1/ami-prod-1']);
  expect(Object.keys((await first(fanOut({}, { regions: ['r-1'], profiles: ['a', 'b'], sourceFor: () => source('x') }))))).toEqual(['Region', 'Profile', 'ImageId']);
});

async function first<T>(it: AsyncIterable<T>): Promise<T> {
  for await (const v of it) return v;
  throw new Error('empty');
}

test('when a task replaces the listing then it runs once per unit with that unit\'s region and profile, tagged and failing as a listing does', async () => {
  const calls: string[] = [];
  const listing = fanOut({}, {
    regions: ['r-1', 'r-2'], profiles: ['dev', 'prod'], aws: { maxAttempts: 2 },
    task: async (unit, aws) => {
      calls.push(`${aws.profile}/${aws.region}/${aws.maxAttempts}`);
      if (unit.profile === 'prod' && unit.region === 'r-2') throw new AmiFindError('E_SSM_NOT_FOUND', EXIT.SSM_POINTER, 'SSM parameter /p does not exist in this region');
      return [{ ImageId: `ami-${unit.profile}-${unit.region}` }];
    },
  });
  const tags: string[] = [];
  for await (const image of listing) tags.push(`${image.Profile}/${image.Region}/${image.ImageId}`);
  expect(calls.sort()).toEqual(['dev/r-1/2', 'dev/r-2/2', 'prod/r-1/2', 'prod/r-2/2']);
  expect(tags.sort()).toEqual(['dev/r-1/ami-dev-r-1', 'dev/r-2/ami-dev-r-2', 'prod/r-1/ami-prod-r-1']);
  expect(listing.failures.map((f) => failureLine(f, true))).toEqual(['prod/r-2: no usable SSM pointer: SSM parameter /p does not exist in this region']);
});
