/**
 * Order and page shape like EC2's: the order of results, nested lists included, "might vary"
 * (contract §2.1, §4.3) and pages may be short, even empty with a token (contract §4.2). The endpoint
 * picks a seeded order per query and makes a share of paged responses short; a token still resumes
 * exactly, without duplicates or gaps.
 */
import {
  DescribeImagesCommand, DescribeRegionsCommand, paginateDescribeImages, type DescribeImagesCommandInput, type EC2Client,
} from '@aws-sdk/client-ec2';
import { BULK_COUNT, fixtureCatalogue } from '../fixtures/catalogue.js';
import { IDS, bulkId } from '../fixtures/ids.js';
import type { Ec2Local, Ec2LocalOptions } from '../server/index.js';
import { listingOrder } from '../server/order.js';
import { client, startFixtureServer } from './support.js';

const ALL_BULK = Array.from({ length: BULK_COUNT }, (_, n) => bulkId(n));
const VISIBLE_BULK = ALL_BULK.filter((_, n) => n % 4 !== 3);
const sorted = (ids: string[]) => [...ids].sort();

async function withServer<T>(opts: Ec2LocalOptions, run: (s: Ec2Local) => Promise<T>): Promise<T> {
  const s = await startFixtureServer(opts);
  try {
    return await run(s);
  } finally {
    await s.close();
  }
}

async function listing(c: EC2Client, input: DescribeImagesCommandInput = {}): Promise<string[]> {
  const out = await c.send(new DescribeImagesCommand(input));
  expect(out.NextToken).toBeUndefined();
  return (out.Images ?? []).map((i) => i.ImageId ?? '');
}

async function pages(c: EC2Client, input: DescribeImagesCommandInput, pageSize: number): Promise<{ ids: string[][]; tokens: boolean[] }> {
  const ids: string[][] = [];
  const tokens: boolean[] = [];
  for await (const page of paginateDescribeImages({ client: c, pageSize }, { ...input })) {
    ids.push((page.Images ?? []).map((i) => i.ImageId ?? ''));
    tokens.push(typeof page.NextToken === 'string' && page.NextToken !== '');
  }
  return { ids, tokens };
}

describe('result order', () => {
  test.each([0, 1, 2, 3, 5, 17, 64, 65, 1000, 4097, 250_001])('when a listing has %i candidates then its order is a permutation of them', (n) => {
    const at = listingOrder({ seed: 7 }, `binding-${n}`).permutation(n);
    const seen = new Uint8Array(n);
    let bad = 0;
    for (let i = 0; i < n; i += 1) {
      const p = at(i);
      if (!(Number.isInteger(p) && p >= 0 && p < n && seen[p] === 0)) bad += 1;
      else seen[p] = 1;
    }
    expect(bad).toBe(0);
    if (n >= 17) expect(Array.from({ length: 16 }, (_, i) => at(i))).not.toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  test('when the order is fixed then images come in catalogue order', async () => {
    await withServer({ order: { fixed: true } }, async (s) => {
      expect(await listing(client(s, 'us-west-2'))).toEqual(VISIBLE_BULK);
    });
  });

  test('when two servers use different order seeds then the same query lists the same set in different orders', async () => {
    const [a, b] = await Promise.all([1, 2].map((seed) => withServer({ order: { seed } }, (s) => listing(client(s, 'us-west-2')))));
    expect(sorted(a)).toEqual(sorted(VISIBLE_BULK));
    expect(sorted(b)).toEqual(sorted(a));
    expect(b).not.toEqual(a);
    expect(a).not.toEqual(VISIBLE_BULK);
  });

  test('when two servers use the same order seed then the order is reproduced', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => withServer({ order: { seed: 'same' } }, (s) => listing(client(s, 'us-west-2')))));
    expect(b).toEqual(a);
  });

  test('when no order seed is given then different queries get different orders and a repeated query its own', async () => {
    await withServer({}, async (s) => {
      const c = client(s, 'us-west-2');
      const plain = await listing(c);
      const withDeprecated = (await listing(c, { IncludeDeprecated: true })).filter((id) => plain.includes(id));
      expect(sorted(withDeprecated)).toEqual(sorted(plain));
      expect(withDeprecated).not.toEqual(plain);
      expect(await listing(c)).toEqual(plain);
    });
  });

  test('when setOrder changes the seed then the next listing follows it', async () => {
    await withServer({ order: { seed: 1 } }, async (s) => {
      const c = client(s, 'us-west-2');
      const first = await listing(c);
      s.setOrder({ seed: 2 });
      const second = await listing(c);
      s.setOrder({ fixed: true });
      expect(sorted(second)).toEqual(sorted(first));
      expect(second).not.toEqual(first);
      expect(await listing(c)).toEqual(VISIBLE_BULK);
    });
  });

  test('when images are asked for by ID then they come back in a seeded order too', async () => {
    const idList = ALL_BULK.slice(0, 12);
    const got = await Promise.all([1, 2].map((seed) => withServer({ order: { seed } }, (s) => listing(client(s, 'us-west-2'), { ImageIds: idList }))));
    expect(got.map(sorted)).toEqual([idList, idList]);
    expect(got[0]).not.toEqual(got[1]);
  });

  test('when seeds differ then nested lists (block devices, product codes, instance types) vary in order, never in content', async () => {
    const stored = fixtureCatalogue().images.find((i) => i.ImageId === IDS.richImage && i.Region === 'us-east-1');
    const storedDevices = stored?.BlockDeviceMappings?.map((m) => m.DeviceName);
    const seen = new Set<string>();
    for (let seed = 0; seed < 8; seed += 1) {
      const out = await withServer({ order: { seed } }, (s) => client(s).send(new DescribeImagesCommand({ ImageIds: [IDS.richImage] })));
      const devices = out.Images?.[0].BlockDeviceMappings?.map((m) => m.DeviceName) ?? [];
      expect(sorted(devices as string[])).toEqual(sorted(storedDevices as string[]));
      const supported = out.Images?.[0].InstanceTypeSpecification?.SupportedInstanceTypes?.map((t) => t.InstanceType) ?? [];
      expect(sorted(supported as string[])).toEqual(['c7i.xlarge', 'm7i.large']);
      seen.add(devices.join(','));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  test('when seeds differ then tags vary in order', async () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 8; seed += 1) {
      const out = await withServer({ order: { seed } }, (s) => client(s).send(new DescribeImagesCommand({ ImageIds: [IDS.selfPrivate] })));
      const keys = out.Images?.[0].Tags?.map((t) => t.Key ?? '') ?? [];
      expect(sorted(keys)).toEqual(['Env', 'Name', 'empty']);
      seen.add(keys.join(','));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  test('when seeds differ then DescribeRegions lists the same regions in different orders', async () => {
    const got = await Promise.all([1, 2, 3].map((seed) => withServer({ order: { seed } }, async (s) => {
      const out = await client(s).send(new DescribeRegionsCommand({ AllRegions: true }));
      return (out.Regions ?? []).map((r) => r.RegionName ?? '');
    })));
    const names = fixtureCatalogue().regions.map((r) => r.RegionName);
    for (const g of got) expect(sorted(g)).toEqual(sorted(names));
    expect(new Set(got.map((g) => g.join(','))).size).toBeGreaterThan(1);
  });
});

describe('short pages', () => {
  test('when the short-page rate is high then some pages are short or empty with a token, and the listing is still complete', async () => {
    await withServer({ policy: { shortPageRate: 0.6 } }, async (s) => {
      const c = client(s, 'us-west-2');
      const got = await pages(c, {}, 5);
      const flat = got.ids.flat();
      expect(flat).toEqual(await listing(c));
      expect(new Set(flat).size).toBe(flat.length);
      const beforeLast = got.ids.slice(0, -1);
      expect(beforeLast.some((p) => p.length > 0 && p.length < 5)).toBe(true);
      expect(beforeLast.some((p) => p.length === 0)).toBe(true);
      expect(got.tokens.slice(0, -1).every(Boolean)).toBe(true);
      expect(got.ids.every((p) => p.length <= 5)).toBe(true);
    });
  });

  test('when every page may be short (rate 1) then a listing still ends, never with two empty pages in a row', async () => {
    await withServer({ policy: { shortPageRate: 1 } }, async (s) => {
      const got = await pages(client(s, 'us-west-2'), {}, 5);
      expect(sorted(got.ids.flat())).toEqual(sorted(VISIBLE_BULK));
      const empties = got.ids.map((p) => p.length === 0);
      expect(empties.some((e, i) => e && empties[i + 1])).toBe(false);
    });
  });

  test('when no MaxResults is sent then the answer is never short', async () => {
    await withServer({ policy: { shortPageRate: 1 } }, async (s) => {
      expect(sorted(await listing(client(s, 'us-west-2')))).toEqual(sorted(VISIBLE_BULK));
    });
  });

  test('when the rate is 0 then every page but the last is full', async () => {
    await withServer({ policy: { shortPageRate: 0 } }, async (s) => {
      const got = await pages(client(s, 'us-west-2'), {}, 7);
      expect(got.ids.slice(0, -1).every((p) => p.length === 7)).toBe(true);
      expect(got.ids.length).toBe(Math.ceil(VISIBLE_BULK.length / 7));
    });
  });

  test.each([
    ['all', {}],
    ['deprecated included', { IncludeDeprecated: true }],
    ['filtered to x86_64', { Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }],
    ['filtered to the shared images', { ExecutableUsers: ['self'] }],
    ['by ID', { ImageIds: ALL_BULK.slice(10, 30) }],
  ] as Array<[string, DescribeImagesCommandInput]>)('when the %s listing is paged under many seeds then every token resumes exactly (no duplicates, no gaps)', async (_name, input) => {
    await withServer({ policy: { shortPageRate: 0.3, maxResultsWithImageIds: 'page' } }, async (s) => {
      const c = client(s, 'us-west-2');
      const whole = await listing(c, input);
      expect(whole.length).toBeGreaterThan(0);
      for (let seed = 0; seed < 8; seed += 1) {
        s.setOrder({ seed });
        const expected = await listing(c, input);
        expect(sorted(expected)).toEqual(sorted(whole));
        for (const size of [5, 11]) {
          const got = (await pages(c, input, size)).ids.flat();
          expect(got).toEqual(expected);
        }
      }
    });
  });
});
