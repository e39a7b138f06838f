/** Credentials, authorization, DryRun and the error shape as the SDK surfaces it (contract §3). */
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { EXPIRED_ACCESS_KEY, UNAUTHORIZED_ACCESS_KEY } from '../../support/accounts.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

test('when DryRun is set on a valid request then 412 DryRunOperation comes back', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ DryRun: true, Owners: ['self'] })));
  expect([e.name, e.status, e.message]).toEqual(['DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.']);
});

test('when DryRun is set on an invalid request then the validation error wins', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ DryRun: true, Filters: [{ Name: 'bogus', Values: ['x'] }] })));
  expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
});

test('when DryRun names an unknown image then it still answers DryRunOperation (no lookup is made)', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ DryRun: true, ImageIds: ['ami-0000000000000ffff'] })));
  expect(e.name).toBe('DryRunOperation');
});

test('when DryRun is false then the call runs normally', async () => {
  const out = await client(server).send(new DescribeImagesCommand({ DryRun: false, Owners: ['self'] }));
  expect(out.Images?.length).toBeGreaterThan(0);
});

test('when the access key lacks permission then 403 UnauthorizedOperation comes back, also under DryRun', async () => {
  for (const DryRun of [false, true]) {
    const e = await errorOf(client(server, 'us-east-1', UNAUTHORIZED_ACCESS_KEY).send(new DescribeImagesCommand({ DryRun })));
    expect([e.name, e.status, e.message]).toEqual(['UnauthorizedOperation', 403, 'You are not authorized to perform this operation.']);
  }
});

test('when the access key is expired then AuthFailure comes back with the policy status (401 by default)', async () => {
  const e = await errorOf(client(server, 'us-east-1', EXPIRED_ACCESS_KEY).send(new DescribeImagesCommand({})));
  expect([e.name, e.status]).toEqual(['AuthFailure', 401]);
  const custom = await startFixtureServer({ policy: { authFailureStatus: 403 } });
  try {
    const f = await errorOf(client(custom, 'us-east-1', EXPIRED_ACCESS_KEY).send(new DescribeImagesCommand({})));
    expect([f.name, f.status]).toEqual(['AuthFailure', 403]);
  } finally {
    await custom.close();
  }
});

test('when the credential scope names an unknown region then AuthFailure comes back', async () => {
  const e = await errorOf(client(server, 'xx-nowhere-1').send(new DescribeImagesCommand({})));
  expect([e.name, e.status, e.message]).toEqual(['AuthFailure', 401, "Credential should be scoped to a valid region, not 'xx-nowhere-1'."]);
});

test('when DescribeRegions has DryRun then 412 DryRunOperation comes back', async () => {
  const e = await errorOf(client(server).send(new DescribeRegionsCommand({ DryRun: true })));
  expect([e.name, e.status]).toEqual(['DryRunOperation', 412]);
});

test('when an error comes back then $metadata.requestId is the x-amzn-RequestId the server recorded', async () => {
  try {
    await client(server).send(new DescribeImagesCommand({ Owners: ['nobody'] }));
    throw new Error('expected a failure');
  } catch (err) {
    const e = err as { name: string; $metadata: { requestId?: string } };
    expect(e.name).toBe('InvalidUserID.Malformed');
    expect(e.$metadata.requestId).toBe(server.requests.at(-1)?.requestId);
  }
});

test('when requests arrive then they are recorded with action, params, attempt, invocation id, region and key', async () => {
  await client(server, 'eu-west-1').send(new DescribeImagesCommand({ Owners: ['amazon'] }));
  const r = server.requests.at(-1);
  expect(r).toMatchObject({ action: 'DescribeImages', attempt: 1, region: 'eu-west-1', status: 200, params: { 'Owner.1': 'amazon', Version: '2016-11-15' } });
  expect(r?.invocationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(r?.accessKey).toBe('AKIAAMIFINDSELF00001');
});

test('when more requests arrive than the record limit then only the newest are kept', async () => {
  const small = await startFixtureServer({ recordLimit: 5 });
  try {
    for (let i = 0; i < 12; i += 1) await client(small).send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [`n${i}`] }] }));
    expect(small.requests.length).toBeLessThanOrEqual(5);
    expect(small.requests.at(-1)?.params['Filter.1.Value.1']).toBe('n11');
  } finally {
    await small.close();
  }
});
