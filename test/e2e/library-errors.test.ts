/**
 * findImages failure paths end to end: injected faults, retries, resume after a failure,
 * empty pages, repeated tokens, abort, and EC2/SDK/network errors mapped to exit codes.
 */
import { AmiFindError, findImages, type FindOptions } from '../../src/index.js';
import type { AwsClientOptions, ImageQuery } from '../../src/types.js';
import { EXPIRED_ACCESS_KEY, localAwsEnv, UNAUTHORIZED_ACCESS_KEY } from '../support/accounts.js';
import { startFixtureServer } from '../ec2-local/fixtures/server.js';
import type { Ec2Local } from '../ec2-local/server/index.js';

let server: Ec2Local;
const savedEnv = { ...process.env };
const ALL: ImageQuery = { includeDeprecated: true };

beforeAll(async () => {
  server = await startFixtureServer();
});
beforeEach(() => {
  process.env = { ...localAwsEnv(server.url) };
  server.setFaults({});
  server.setLatency({});
});
afterAll(async () => {
  process.env = savedEnv;
  await server.close();
});

const aws = (extra: AwsClientOptions = {}): AwsClientOptions => ({ region: 'us-east-1', endpoint: server.url, maxAttempts: 1, ...extra });

async function run(query: ImageQuery, opts: FindOptions = {}) {
  const listing = findImages(query, { aws: aws(), ...opts });
  const ids: string[] = [];
  let error: AmiFindError | undefined;
  try {
    for await (const image of listing) ids.push(image.ImageId!);
  } catch (e) {
    if (!(e instanceof AmiFindError)) throw e;
    error = e;
  }
  return { ids, error, token: listing.resumeToken(), listing };
}

function attemptsOf(since: number): number[] {
  return server.requests.slice(since).map((r) => r.attempt);
}

describe('retries', () => {
  test('when the first two attempts of every call fail with 500/503 and maxAttempts is 3 then the listing succeeds', async () => {
    const clean = await run(ALL, { pagination: { PageSize: 25 } });
    server.setFaults({ failFirstAttempts: { count: 2, code: 'InternalError' } });
    const before = server.requests.length;
    const got = await run(ALL, { pagination: { PageSize: 25 }, aws: aws({ maxAttempts: 3 }) });
    expect(got.error).toBeUndefined();
    expect(got.ids).toEqual(clean.ids);
    expect(attemptsOf(before).slice(0, 3)).toEqual([1, 2, 3]);
    expect(server.requests.slice(before).filter((r) => r.status === 500)).toHaveLength(2 * got.listing.pages);
  });

  test('when throttled past all retries then E_THROTTLED exit 7 saying how many attempts', async () => {
    server.setFaults({ failFirstAttempts: { count: 5, code: 'RequestLimitExceeded' } });
    const before = server.requests.length;
    const got = await run(ALL, { aws: aws({ maxAttempts: 2 }) });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_THROTTLED', 7]);
    expect(got.error?.message).toContain('RequestLimitExceeded');
    expect(got.error?.message).toContain('after 2 attempts');
    expect(attemptsOf(before)).toEqual([1, 2]);
  });

  test('when a page fails mid-listing then the images so far are kept and the token resumes exactly after them', async () => {
    const clean = await run(ALL, { pagination: { PageSize: 5 } });
    const listing = findImages(ALL, { aws: aws(), pagination: { PageSize: 5 } });
    const got: string[] = [];
    let error: AmiFindError | undefined;
    try {
      for await (const image of listing) {
        got.push(image.ImageId!);
        if (got.length === 7) server.setFaults({ failFirstAttempts: { count: 9, code: 'Unavailable' } });
      }
    } catch (e) {
      error = e as AmiFindError;
    }
    expect([error?.code, error?.exitCode]).toEqual(['E_SERVICE_UNAVAILABLE', 7]);
    expect(got).toEqual(clean.ids.slice(0, 10));
    server.setFaults({});
    const rest = await run(ALL, { pagination: { PageSize: 5, StartingToken: listing.resumeToken() } });
    expect([...got, ...rest.ids]).toEqual(clean.ids);
  });
});

describe('odd pagination from the endpoint', () => {
  test('when the first pages are empty but carry a token then they are followed to the images', async () => {
    const clean = await run(ALL, { pagination: { PageSize: 25 } });
    server.setFaults({ emptyPages: 3 });
    const got = await run(ALL, { pagination: { PageSize: 25 } });
    expect(got.error).toBeUndefined();
    expect(got.ids).toEqual(clean.ids);
    expect(got.listing.pages).toBe(clean.listing.pages + 3);
  });

  test('when the endpoint repeats a token then E_REPEATED_TOKEN instead of an endless loop', async () => {
    server.setFaults({ repeatToken: true });
    const before = server.requests.length;
    const got = await run(ALL, { pagination: { PageSize: 5 } });
    expect(got.error?.code).toBe('E_REPEATED_TOKEN');
    expect(server.requests.length - before).toBeLessThanOrEqual(3);
  });

  test('when the signal aborts an in-flight request then E_INTERRUPTED exit 130 promptly', async () => {
    server.setLatency({ fixedMs: 3000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const got = await run(ALL, { signal: controller.signal });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_INTERRUPTED', 130]);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(got.token).toBe('eyJOZXh0VG9rZW4iOiBudWxsfQ==');
  });
});

describe('errors mapped to exit codes', () => {
  test('when a filter name is unknown to EC2 then E_INVALID_PARAMETER exit 4 with EC2 message', async () => {
    const got = await run({ filters: [{ Name: 'nmae', Values: ['x'] }] });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_INVALID_PARAMETER', 4]);
    expect(got.error?.message).toContain('InvalidParameterValue');
    expect(got.error?.message).toContain('nmae');
  });

  test('when an image ID does not exist then exit 4 naming InvalidAMIID.NotFound', async () => {
    const got = await run({ imageIds: ['ami-0123456789abcdef0'] });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_IMAGE_NOT_FOUND', 4]);
    expect(got.error?.message).toContain('InvalidAMIID.NotFound');
  });

  test('when the EC2 NextToken is forged then exit 4', async () => {
    const got = await run(ALL, { pagination: { StartingToken: 'not-a-real-token' } });
    expect(got.error?.exitCode).toBe(4);
  });

  test('when DryRun would succeed then E_DRY_RUN_OK exit 0', async () => {
    const got = await run({ ...ALL, dryRun: true });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_DRY_RUN_OK', 0]);
  });

  test('when the access key is expired then E_CREDENTIALS exit 5', async () => {
    process.env.AWS_ACCESS_KEY_ID = EXPIRED_ACCESS_KEY;
    const got = await run(ALL);
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_CREDENTIALS', 5]);
    expect(got.error?.message).toContain('AuthFailure');
  });

  test('when the identity may not describe images then E_UNAUTHORIZED exit 6', async () => {
    process.env.AWS_ACCESS_KEY_ID = UNAUTHORIZED_ACCESS_KEY;
    const got = await run(ALL);
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_UNAUTHORIZED', 6]);
    expect(got.error?.message).toContain('UnauthorizedOperation');
  });

  test('when there are no credentials anywhere then E_NO_CREDENTIALS exit 5 and nothing is sent', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const before = server.requests.length;
    const got = await run(ALL);
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_NO_CREDENTIALS', 5]);
    expect(server.requests.length).toBe(before);
  });

  test('when no region is configured anywhere then E_NO_REGION exit 2', async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    const got = await run(ALL, { aws: { endpoint: server.url, maxAttempts: 1 } });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_NO_REGION', 2]);
  });

  test('when the endpoint refuses connections then E_NETWORK exit 8', async () => {
    const closed = await startFixtureServer();
    const url = closed.url;
    await closed.close();
    const got = await run(ALL, { aws: aws({ endpoint: url }) });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_NETWORK', 8]);
    expect(got.error?.message).toMatch(/refused/);
  });

  test('when the region host does not resolve then E_UNKNOWN_REGION exit 8', async () => {
    delete process.env.AWS_ENDPOINT_URL_EC2;
    const got = await run(ALL, { aws: { region: 'mars-east-1', maxAttempts: 1 } });
    expect([got.error?.code, got.error?.exitCode]).toEqual(['E_UNKNOWN_REGION', 8]);
    expect(got.error?.message).toContain('ec2.mars-east-1.amazonaws.com');
  });

  test('when debug logging is on then attempts and timings are logged with no secret or signature', async () => {
    server.setFaults({ failFirstAttempts: { count: 1, code: 'InternalError' } });
    const lines: string[] = [];
    const got = await run(ALL, { aws: aws({ maxAttempts: 2, debug: (l) => lines.push(l) }), pagination: { MaxItems: 1 } });
    expect(got.error).toBeUndefined();
    const text = lines.join('\n');
    expect(text).toMatch(/attempt=1; max=2/);
    expect(text).toMatch(/attempt=2; max=2/);
    expect(text).toMatch(/HTTP 500/);
    expect(text).toMatch(/DescribeImagesCommand done in \d+ ms \(2 attempt/);
    expect(text).not.toContain(process.env.AWS_SECRET_ACCESS_KEY!);
    expect(text).not.toContain(process.env.AWS_ACCESS_KEY_ID!);
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});
