/**
 * MaxResults / NextToken: complete pages that resume exactly, and opaque, bound tokens (contract §4.2,
 * §5.1). The order varies per query (contract §4.3) and some pages are short (the default policy), so
 * these tests compare sets, or a paged listing with the unpaged answer of the same query (one order).
 */
import { DescribeImagesCommand, paginateDescribeImages, type DescribeImagesCommandInput, type EC2Client } from '@aws-sdk/client-ec2';
import { OTHER_ACCESS_KEY } from '../../support/accounts.js';
import { BULK_COUNT } from '../fixtures/catalogue.js';
import { IDS, bulkId } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, startFixtureServer } from './support.js';

let server: Ec2Local;
/** Every page full and catalogue order: for the tests about page counts and exact positions. */
let full: Ec2Local;
beforeAll(async () => {
  server = await startFixtureServer();
  full = await startFixtureServer({ policy: { shortPageRate: 0 }, order: { fixed: true } });
});
afterAll(async () => { await server.close(); await full.close(); });
afterEach(() => { server.setFaults({}); full.setFaults({}); });

/** us-west-2 bulk images SELF sees by default: every 4th (n % 4 === 3) is deprecated and hidden. */
const VISIBLE_BULK = Array.from({ length: BULK_COUNT }, (_, n) => n).filter((n) => n % 4 !== 3).map(bulkId);
const sorted = (ids: string[]) => [...ids].sort();

async function unpaged(c: EC2Client, input: DescribeImagesCommandInput = {}): Promise<string[]> {
  const out = await c.send(new DescribeImagesCommand(input));
  expect(out.NextToken).toBeUndefined();
  return (out.Images ?? []).map((i) => i.ImageId ?? '');
}

async function pages(c: EC2Client, input: DescribeImagesCommandInput, pageSize?: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const page of paginateDescribeImages({ client: c, pageSize }, { ...input })) {
    out.push((page.Images ?? []).map((i) => i.ImageId ?? ''));
  }
  return out;
}

test('when no MaxResults is sent then everything comes back in one response without a token', async () => {
  expect(sorted(await unpaged(client(server, 'us-west-2')))).toEqual(sorted(VISIBLE_BULK));
});

test.each([5, 7, 1000])('when the listing is paged at %i then the pages concatenate to the unpaged answer, in its order, without duplicates', async (size) => {
  const c = client(server, 'us-west-2');
  const got = await pages(c, {}, size);
  expect(got.flat()).toEqual(await unpaged(c));
  expect(new Set(got.flat()).size).toBe(got.flat().length);
  expect(got.every((p) => p.length <= size)).toBe(true);
  const sizes = server.requests.slice(-got.length - 1, -1).map((r) => r.params.MaxResults);
  expect(sizes).toEqual(got.map(() => String(size)));
});

test.each([5, 7, 1000])('when every page is full (short-page rate 0) then a listing paged at %i has ceil(n / size) pages', async (size) => {
  const got = await pages(client(full, 'us-west-2'), {}, size);
  expect(got.flat()).toEqual(VISIBLE_BULK);
  expect(got.length).toBe(Math.ceil(VISIBLE_BULK.length / size));
  expect(got.slice(0, -1).every((p) => p.length === size)).toBe(true);
});

test('when a filtered listing is paged at 5 then it equals the unpaged filtered answer', async () => {
  const c = client(server, 'us-west-2');
  const input = { Filters: [{ Name: 'architecture', Values: ['x86_64'] }], IncludeDeprecated: true };
  const whole = await unpaged(c, input);
  expect(whole).toHaveLength(BULK_COUNT / 2);
  expect((await pages(c, input, 5)).flat()).toEqual(whole);
});

test('when NextToken is empty then the first page is returned', async () => {
  const c = client(server, 'us-west-2');
  const out = await c.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: '' }));
  const again = await c.send(new DescribeImagesCommand({ MaxResults: 5 }));
  expect(out.Images?.map((i) => i.ImageId)).toEqual(again.Images?.map((i) => i.ImageId));
  expect(out.NextToken).toEqual(expect.any(String));
});

describe('invalid tokens', () => {
  async function firstToken(c: EC2Client, input: DescribeImagesCommandInput = {}): Promise<string> {
    const out = await c.send(new DescribeImagesCommand({ ...input, MaxResults: 5 }));
    return out.NextToken ?? '';
  }
  const expectInvalid = async (p: Promise<unknown>) => {
    const e = await errorOf(p);
    expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
    expect(e.message).toMatch(/for parameter NextToken is invalid\. The token is invalid\.$/);
  };

  test('when a token is made up then the call fails', async () => {
    await expectInvalid(client(server, 'us-west-2').send(new DescribeImagesCommand({ MaxResults: 5, NextToken: 'forged-token' })));
  });

  test('when one character of a real token is changed then the call fails', async () => {
    const c = client(server, 'us-west-2');
    const token = await firstToken(c);
    const edited = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    await expectInvalid(c.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: edited })));
  });

  test('when a token is used with a different query then the call fails', async () => {
    const c = client(server, 'us-west-2');
    const token = await firstToken(c);
    await expectInvalid(c.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: token, Owners: ['self'] })));
  });

  test('when a token is used by another account or in another region then the call fails', async () => {
    const token = await firstToken(client(server, 'us-west-2'));
    await expectInvalid(client(server, 'us-west-2', OTHER_ACCESS_KEY).send(new DescribeImagesCommand({ MaxResults: 5, NextToken: token })));
    await expectInvalid(client(server, 'us-east-1').send(new DescribeImagesCommand({ MaxResults: 5, NextToken: token })));
  });

  test('when a token from another server instance is used then the call fails', async () => {
    const other = await startFixtureServer();
    try {
      const token = await firstToken(client(other, 'us-west-2'));
      await expectInvalid(client(server, 'us-west-2').send(new DescribeImagesCommand({ MaxResults: 5, NextToken: token })));
    } finally {
      await other.close();
    }
  });

  test('when the page size changes between pages then the token is still accepted', async () => {
    const c = client(full, 'us-west-2');
    const token = await firstToken(c);
    const out = await c.send(new DescribeImagesCommand({ MaxResults: 7, NextToken: token }));
    expect(out.Images?.map((i) => i.ImageId)).toEqual(VISIBLE_BULK.slice(5, 12));
  });

  test('when the invalid-token policy names another code then that code is returned', async () => {
    const custom = await startFixtureServer({ policy: { invalidTokenError: { status: 400, code: 'InvalidNextToken', message: 'bad token {value}' } } });
    try {
      const e = await errorOf(client(custom).send(new DescribeImagesCommand({ MaxResults: 5, NextToken: 'x' })));
      expect([e.name, e.status, e.message]).toEqual(['InvalidNextToken', 400, 'bad token x']);
    } finally {
      await custom.close();
    }
  });
});

describe('MaxResults', () => {
  test.each([0, 4, 1001, -1])('when MaxResults is %i then InvalidParameterValue is returned (default range 5..1000)', async (n) => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ MaxResults: n })));
    expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
    expect(e.message).toBe(`Value ( ${n} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  });

  test('when the policy allows MaxResults 1 then pages of one image come back', async () => {
    const loose = await startFixtureServer({ policy: { maxResultsMin: 1, shortPageRate: 0 } });
    try {
      const got = await pages(client(loose, 'eu-west-1'), { MaxResults: 1 });
      expect(got).toEqual([[expect.any(String)], [expect.any(String)]]);
    } finally {
      await loose.close();
    }
  });

  test('when MaxResults comes with ImageIds then InvalidParameterCombination is returned (default policy)', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ MaxResults: 5, ImageIds: [IDS.windows] })));
    expect([e.name, e.status]).toEqual(['InvalidParameterCombination', 400]);
  });

  test('when the policy ignores MaxResults with ImageIds then all IDs come back at once', async () => {
    const lenient = await startFixtureServer({ policy: { maxResultsWithImageIds: 'ignore' } });
    try {
      const idList = VISIBLE_BULK.slice(0, 8);
      const out = await client(lenient, 'us-west-2').send(new DescribeImagesCommand({ MaxResults: 5, ImageIds: idList }));
      expect([out.Images?.length, out.NextToken]).toEqual([8, undefined]);
    } finally {
      await lenient.close();
    }
  });

  test('when the policy pages ImageIds then they come back in pages', async () => {
    const paging = await startFixtureServer({ policy: { maxResultsWithImageIds: 'page', shortPageRate: 0 } });
    try {
      const idList = VISIBLE_BULK.slice(0, 8);
      const got = await pages(client(paging, 'us-west-2'), { ImageIds: idList }, 5);
      expect(got.map((p) => p.length)).toEqual([5, 3]);
      expect(sorted(got.flat())).toEqual(idList);
    } finally {
      await paging.close();
    }
  });
});

describe('injected paging faults', () => {
  test('when empty pages with tokens are injected then the SDK paginator keeps going and gets everything', async () => {
    server.setFaults({ emptyPages: 2 });
    const got = await pages(client(server, 'us-west-2'), {}, 10);
    expect(got.slice(0, 2)).toEqual([[], []]);
    expect(sorted(got.flat())).toEqual(sorted(VISIBLE_BULK));
    expect(got.flat()).toHaveLength(VISIBLE_BULK.length);
  });

  test('when empty pages are injected into an unpaged call then it too carries a token', async () => {
    server.setFaults({ emptyPages: 1 });
    const out = await client(server, 'us-west-2').send(new DescribeImagesCommand({}));
    expect([out.Images, typeof out.NextToken]).toEqual([[], 'string']);
    const rest = await client(server, 'us-west-2').send(new DescribeImagesCommand({ NextToken: out.NextToken }));
    expect(sorted(rest.Images?.map((i) => i.ImageId ?? '') ?? [])).toEqual(sorted(VISIBLE_BULK));
    expect(rest.NextToken).toBeUndefined();
  });

  test('when the token is repeated then the second page carries the token it was asked with', async () => {
    full.setFaults({ repeatToken: true });
    const c = client(full, 'us-west-2');
    const first = await c.send(new DescribeImagesCommand({ MaxResults: 5 }));
    const second = await c.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect(second.NextToken).toBe(first.NextToken);
    expect(second.Images?.map((i) => i.ImageId)).toEqual(VISIBLE_BULK.slice(5, 10));
  });

  test('when the token is repeated then a paginator with stopOnSameToken stops', async () => {
    server.setFaults({ repeatToken: true });
    let count = 0;
    for await (const _ of paginateDescribeImages({ client: client(server, 'us-west-2'), pageSize: 5, stopOnSameToken: true }, {})) count += 1;
    expect(count).toBe(2);
  });
});
