/**
 * The endpoint's SSM public parameters against moto's (`python3 -m moto.server`, a secondary source): the
 * same calls, the same shapes and error codes. Each difference found is asserted and named here, and in
 * test/ec2-local/README.md (SSM).
 */
import { GetParameterCommand, GetParametersByPathCommand, GetParametersCommand, SSMClient, type Parameter } from '@aws-sdk/client-ssm';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { DEFAULT_ACCESS_KEY, SECRET_KEY, localAwsEnv } from '../support/accounts.js';
import { requirePeer, startMoto } from '../support/peers.js';
import { lines, requireBuilt, runBin } from '../e2e/cli-support.js';

const AL = '/aws/service/ami-amazon-linux-latest';
const DEFAULT_X86 = `${AL}/al2023-ami-kernel-default-x86_64`;
let moto: { url: string; close(): Promise<void> };
let local: Ec2Local;
let clients: { moto: SSMClient; ours: SSMClient };

const client = (url: string) => new SSMClient({ endpoint: url, region: 'us-east-1', maxAttempts: 1,
  credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: SECRET_KEY } });

beforeAll(async () => {
  requirePeer('moto');
  requireBuilt();
  moto = await startMoto();
  local = await startEc2Local({ catalogue: generateCatalogue({ images: 1500, seed: 'moto-ssm' }) });
  clients = { moto: client(moto.url), ours: client(local.url) };
}, 120_000);
afterAll(async () => {
  clients?.moto.destroy();
  clients?.ours.destroy();
  await local?.close();
  await moto?.close();
});

async function byPath(c: SSMClient, path: string, recursive: boolean): Promise<{ params: Parameter[]; pages: number; largest: number }> {
  const params: Parameter[] = [];
  let token: string | undefined;
  let pages = 0;
  let largest = 0;
  do {
    const out = await c.send(new GetParametersByPathCommand({ Path: path, Recursive: recursive, NextToken: token }));
    pages++;
    largest = Math.max(largest, out.Parameters?.length ?? 0);
    params.push(...out.Parameters ?? []);
    token = out.NextToken;
  } while (token);
  return { params, pages, largest };
}

const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: Error & { $metadata?: { httpStatusCode?: number } }) =>
  ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode }));

test('when both read the AL2023 default-kernel pointer then the members are the same, two values differ as named', async () => {
  const theirs = (await clients.moto.send(new GetParameterCommand({ Name: DEFAULT_X86 }))).Parameter!;
  const ours = (await clients.ours.send(new GetParameterCommand({ Name: DEFAULT_X86 }))).Parameter!;
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  expect([ours.Name, ours.Type]).toEqual([theirs.Name, theirs.Type]);
  expect([ours.Value, theirs.Value].every((v) => /^ami-[0-9a-f]{17}$/.test(v!))).toBe(true);
  expect(ours.LastModifiedDate).toBeInstanceOf(Date);
  expect(theirs.LastModifiedDate).toBeInstanceOf(Date);
  // Difference 1: moto puts its account in a public parameter's ARN; ours leaves the account empty.
  expect(theirs.ARN).toBe(`arn:aws:ssm:us-east-1:123456789012:parameter${DEFAULT_X86}`);
  expect(ours.ARN).toBe(`arn:aws:ssm:us-east-1::parameter${DEFAULT_X86}`);
  // Difference 2: moto says DataType text; ours aws:ec2:image. ami-find reads neither (it checks the value).
  expect([theirs.DataType, ours.DataType]).toEqual(['text', 'aws:ec2:image']);
});

test('when a parameter does not exist then both answer ParameterNotFound (400), with different messages', async () => {
  const theirs = await errorOf(clients.moto.send(new GetParameterCommand({ Name: `${AL}/none` })));
  const ours = await errorOf(clients.ours.send(new GetParameterCommand({ Name: `${AL}/none` })));
  expect([theirs?.name, theirs?.status]).toEqual(['ParameterNotFound', 400]);
  expect([ours?.name, ours?.status]).toEqual(['ParameterNotFound', 400]);
  // Difference 3: moto names the parameter in the message; ours sends an empty one (the AWS CLI shows an empty
  // text, the JS SDK its placeholder UnknownError).
  expect(theirs?.message).toBe(`Parameter ${AL}/none not found.`);
  expect(ours?.message).toBe('UnknownError');
});

test('when GetParameters names a missing parameter then both list it in InvalidParameters', async () => {
  const names = [DEFAULT_X86, `${AL}/none`];
  const theirs = await clients.moto.send(new GetParametersCommand({ Names: names }));
  const ours = await clients.ours.send(new GetParametersCommand({ Names: names }));
  expect(ours.InvalidParameters).toEqual(theirs.InvalidParameters);
  expect(ours.Parameters!.map((p) => p.Name)).toEqual(theirs.Parameters!.map((p) => p.Name));
});

test('when MaxResults is 11 then both refuse it with ValidationException', async () => {
  const send = (c: SSMClient) => errorOf(c.send(new GetParametersByPathCommand({ Path: AL, MaxResults: 11 })));
  expect((await send(clients.moto))?.name).toBe('ValidationException');
  expect((await send(clients.ours))?.name).toBe('ValidationException');
});

test('when the Amazon Linux path is paged then both page by at most 10, and share the default-kernel names', async () => {
  const theirs = await byPath(clients.moto, AL, false);
  const ours = await byPath(clients.ours, AL, false);
  expect(theirs.largest).toBeLessThanOrEqual(10);
  expect(ours.largest).toBeLessThanOrEqual(10);
  const names = (r: typeof ours) => new Set(r.params.map((p) => p.Name!));
  const shared = [...names(ours)].filter((n) => names(theirs).has(n));
  expect(shared).toEqual(expect.arrayContaining([DEFAULT_X86, `${AL}/al2023-ami-kernel-default-arm64`]));
  // Difference 4: moto also has the kernel-6.1 aliases of the default pointers (as AWS publishes); ours only the default ones.
  expect(names(theirs).has(`${AL}/al2023-ami-kernel-6.1-x86_64`)).toBe(true);
  expect(names(ours).has(`${AL}/al2023-ami-kernel-6.1-x86_64`)).toBe(false);
});

test('when other publishers\' paths are browsed then moto has none of them; ours has each catalogue line\'s pointer', async () => {
  // Difference 5: this moto serves no /aws/service/canonical or /aws/service/debian parameters.
  for (const path of ['/aws/service/canonical', '/aws/service/debian']) {
    expect((await byPath(clients.moto, path, true)).params).toEqual([]);
    expect((await byPath(clients.ours, path, true)).params.length).toBeGreaterThan(0);
  }
});

test('when ami-find --ssm reads moto then it prints moto\'s pointer, and the preset --latest agrees without a notice', async () => {
  const env = localAwsEnv(moto.url, { AWS_ENDPOINT_URL_SSM: moto.url });
  const pointer = (await clients.moto.send(new GetParameterCommand({ Name: DEFAULT_X86 }))).Parameter!.Value!;
  const ssm = await runBin(['al2023', '--ssm', '-o', 'ids'], env);
  expect([ssm.code, lines(ssm.stdout)]).toEqual([0, [pointer]]);
  const latest = await runBin(['al2023', '--latest', '-o', 'ids'], env);
  expect([latest.code, lines(latest.stdout), latest.stderr]).toEqual([0, [pointer], '']);
}, 60_000);
