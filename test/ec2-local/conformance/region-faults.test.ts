/** Per-region latency and faults, and a region the account has not enabled (README "Regions"). */
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, ids, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });
afterEach(() => { server.setFaults({}); server.setLatency({}); server.setPolicy({}); });

test('when a region is not opted in then DescribeImages there is AuthFailure, as real EC2 answers', async () => {
  const err = await errorOf(client(server, 'af-south-1').send(new DescribeImagesCommand({})));
  expect(err).toMatchObject({ name: 'AuthFailure', status: 401, message: 'AWS was not able to validate the provided access credentials' });
  expect((await ids(client(server, 'us-east-1'))).length).toBeGreaterThan(0);
});

test('when the policy serves not-opted-in regions or the account enabled the region then images come back', async () => {
  server.setPolicy({ notOptedIn: 'serve' });
  await expect(client(server, 'af-south-1').send(new DescribeImagesCommand({}))).resolves.toBeDefined();
  server.setPolicy({ optInStatus: { 'af-south-1': 'opted-in' } });
  await expect(client(server, 'af-south-1').send(new DescribeImagesCommand({}))).resolves.toBeDefined();
  const out = await client(server).send(new DescribeRegionsCommand({ RegionNames: ['af-south-1'] }));
  expect(out.Regions?.[0]?.OptInStatus).toBe('opted-in');
});

test('when one region has its own fault then only requests signed for it fail', async () => {
  server.setFaults({ regions: { 'eu-west-1': { failFirstAttempts: { count: 99, code: 'RequestLimitExceeded' } } } });
  const err = await errorOf(client(server, 'eu-west-1').send(new DescribeImagesCommand({})));
  expect(err).toMatchObject({ name: 'RequestLimitExceeded', status: 503 });
  await expect(client(server, 'us-east-1').send(new DescribeImagesCommand({}))).resolves.toBeDefined();
});

test('when one region is slow then only its answers are delayed', async () => {
  server.setLatency({ regions: { 'us-west-2': { fixedMs: 400 } } });
  const timed = async (region: string) => {
    const t = Date.now();
    await client(server, region).send(new DescribeImagesCommand({}));
    return Date.now() - t;
  };
  await timed('us-east-1'); // warm the SDK
  expect(await timed('us-west-2')).toBeGreaterThanOrEqual(390);
  expect(await timed('us-east-1')).toBeLessThan(300);
});
