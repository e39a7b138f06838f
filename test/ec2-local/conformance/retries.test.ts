/** Injected faults and latency as the SDK's standard retry strategy sees them (contract §3.4, §6.6). */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });
afterEach(() => { server.setFaults({}); server.setLatency({}); });

/** A client that retries up to 3 attempts with a 5 ms backoff, to keep the tests fast. */
const retrying = () => client(server, 'us-east-1', undefined, { maxAttempts: undefined, retryStrategy: new ConfiguredRetryStrategy(3, 5) });

test.each([
  ['RequestLimitExceeded', 503],
  ['InternalError', 500],
  ['Unavailable', 503],
] as const)('when the first two attempts fail with %s then the third succeeds with the same invocation id', async (code, status) => {
  server.setFaults({ failFirstAttempts: { count: 2, code } });
  const before = server.requests.length;
  const out = await retrying().send(new DescribeImagesCommand({ Owners: ['self'] }));
  expect(out.$metadata.attempts).toBe(3);
  const seen = server.requests.slice(before);
  expect(seen.map((r) => [r.attempt, r.status])).toEqual([[1, status], [2, status], [3, 200]]);
  expect(new Set(seen.map((r) => r.invocationId)).size).toBe(1);
});

test('when every attempt is throttled then the error surfaces with 503 after 3 attempts', async () => {
  server.setFaults({ throttleRate: 1 });
  const e = await errorOf(retrying().send(new DescribeImagesCommand({})));
  expect([e.name, e.status, e.attempts, e.message]).toEqual(['RequestLimitExceeded', 503, 3, 'Request limit exceeded.']);
});

test('when maxAttempts is 1 then a single injected 500 is returned as is', async () => {
  server.setFaults({ failFirstAttempts: { count: 1, code: 'InternalError' } });
  const e = await errorOf(client(server).send(new DescribeImagesCommand({})));
  expect([e.name, e.status, e.attempts]).toEqual(['InternalError', 500, 1]);
});

test('when the first attempt\'s connection is reset then the retry succeeds', async () => {
  server.setFaults({ failFirstAttempts: { count: 1, code: 'reset' } });
  const out = await retrying().send(new DescribeImagesCommand({ Owners: ['self'] }));
  expect(out.$metadata.attempts).toBe(2);
});

test('when a reset is not retried then the SDK reports a network error', async () => {
  server.setFaults({ resetRate: 1 });
  const e = await errorOf(client(server).send(new DescribeImagesCommand({})));
  expect(e.status).toBeUndefined();
  expect(e.name).toMatch(/Error|ECONNRESET|socket hang up/i);
});

test('when error rates are seeded then the same seed gives the same fault sequence', async () => {
  const run = async () => {
    server.setFaults({ throttleRate: 0.3, internalErrorRate: 0.3, seed: 'fixed' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const e = await client(server).send(new DescribeImagesCommand({ Owners: ['self'] })).then(() => 200, (err) => (err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode);
      statuses.push(e);
    }
    return statuses;
  };
  const a = await run();
  expect(await run()).toEqual(a);
  expect(new Set(a).size).toBeGreaterThan(1);
});

test('when faults are limited to other actions then DescribeImages is untouched', async () => {
  server.setFaults({ throttleRate: 1, actions: ['DescribeRegions'] });
  const out = await client(server).send(new DescribeImagesCommand({ Owners: ['self'] }));
  expect(out.$metadata.httpStatusCode).toBe(200);
});

test('when latency is set then a page takes at least fixed + per-item time', async () => {
  server.setLatency({ fixedMs: 150, perItemMs: 10 });
  const started = Date.now();
  const out = await client(server).send(new DescribeImagesCommand({ Owners: ['self'] }));
  expect(Date.now() - started).toBeGreaterThanOrEqual(150 + 10 * (out.Images?.length ?? 0) - 5);
});
