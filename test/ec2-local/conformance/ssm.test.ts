/**
 * The endpoint's SSM public parameters (README "SSM"), read through boto3's SSM client and the AWS CLI:
 * pointers derived from the catalogue per region, the JSON protocol's paging and errors, SigV4 scoped to ssm.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { generateCatalogue } from '../catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../server/index.js';
import { client } from './support.js';
import { DEFAULT_ACCESS_KEY, SECRET_KEY, UNAUTHORIZED_ACCESS_KEY, localAwsEnv } from '../../support/accounts.js';
import { awsCli, requirePeer } from '../../support/peers.js';
import type { CatalogueImage } from '../types.js';

const AL_ARM = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'peers', 'boto3_ssm.py').replace(/dist[\\/]test/, 'test');

interface Call { op: string; args: Record<string, unknown>; paginate?: boolean }
type Ok = Record<string, unknown> & { Parameters?: Param[]; Parameter?: Param; pages?: number };
type Answer = { ok: Ok; error?: undefined } | { ok?: undefined; error: string; status: number };
interface Param { Name: string; Value: string; Type: string; Version: number; ARN: string; DataType: string; LastModifiedDate: string }

let server: Ec2Local;
beforeAll(async () => {
  requirePeer('boto3');
  server = await startEc2Local({ catalogue: generateCatalogue({ images: 1500, seed: 'ssm' }) });
});
afterAll(async () => { await server?.close(); });

function boto3(calls: Call[], region = 'us-east-1', key = DEFAULT_ACCESS_KEY): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Answer[]) : reject(new Error(`boto3_ssm.py exited ${code}: ${err}`))));
    child.stdin.end(JSON.stringify({ endpoint: server.url, region, key, secret: SECRET_KEY, calls }));
  });
}

/** The images that are their parameter's current value in `region`. */
const pointers = (region: string): CatalogueImage[] => server.catalogue.images
  .filter((i) => i.Region === region && i.PublicSsmParameterName !== undefined && i.Public === true);

test('when boto3 reads the AL2023 default-kernel pointer then it is the newest kernel-6.1 build, as an aws:ec2:image String', async () => {
  const [a] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }]);
  const p = a!.ok!.Parameter!;
  const newest = server.catalogue.images.filter((i) => i.Region === 'us-east-1' && /^al2023-ami-2023\.[\d.]+-kernel-6\.1-arm64$/.test(i.Name ?? ''))
    .sort((x, y) => (x.CreationDate! < y.CreationDate! ? 1 : -1))[0]!;
  expect(p).toMatchObject({ Name: AL_ARM, Value: newest.ImageId, Type: 'String', DataType: 'aws:ec2:image',
    ARN: `arn:aws:ssm:us-east-1::parameter${AL_ARM}` });
  expect(p.Version).toBeGreaterThanOrEqual(3);
  expect(Date.parse(p.LastModifiedDate)).toBe(Date.parse(newest.CreationDate!));
});

test('when the pointer is read in two regions then each names its own region\'s image', async () => {
  const [east] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }], 'us-east-1');
  const [west] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }], 'eu-west-1');
  const westImage = pointers('eu-west-1').find((i) => i.PublicSsmParameterName === AL_ARM)!;
  expect(west!.ok!.Parameter!.Value).toBe(westImage.ImageId);
  expect(west!.ok!.Parameter!.Value).not.toBe(east!.ok!.Parameter!.Value);
});

test('when boto3 pages GetParametersByPath recursively then every pointer of the region comes back once, 10 a page', async () => {
  const [a] = await boto3([{ op: 'get_parameters_by_path', args: { Path: '/aws/service', Recursive: true }, paginate: true }]);
  const got = a!.ok!.Parameters!;
  const expected = pointers('us-east-1').map((i) => [i.PublicSsmParameterName, i.ImageId]);
  expected.push(['/aws/service/global-infrastructure/regions/us-east-1/partition', 'aws']);
  expect(got.map((p) => [p.Name, p.Value]).sort()).toEqual(expected.sort());
  expect(a!.ok!.pages).toBe(Math.ceil(got.length / 10));
});

test('when the path is not recursive then only its direct children come back', async () => {
  const [flat, deep] = await boto3([
    { op: 'get_parameters_by_path', args: { Path: '/aws/service/ami-amazon-linux-latest' }, paginate: true },
    { op: 'get_parameters_by_path', args: { Path: '/aws/service/canonical' }, paginate: true },
  ]);
  expect(flat!.ok!.Parameters!.map((p) => p.Name)).toContain(AL_ARM);
  expect(deep!.ok!.Parameters).toEqual([]);
});

test('when GetParameters names a missing parameter then it is listed in InvalidParameters, the rest in name order', async () => {
  const names = ['/aws/service/nothing/here', AL_ARM, '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'];
  const [a] = await boto3([{ op: 'get_parameters', args: { Names: names } }]);
  expect(a!.ok!.InvalidParameters).toEqual(['/aws/service/nothing/here']);
  expect(a!.ok!.Parameters!.map((p) => p.Name)).toEqual([names[1], names[2]]);
});

test('when calls are wrong then SSM\'s error codes come back', async () => {
  const answers = await boto3([
    { op: 'get_parameter', args: { Name: '/aws/service/nothing/here' } },
    { op: 'get_parameters_by_path', args: { Path: '/aws/service', MaxResults: 10, NextToken: 'forged' } },
  ]);
  expect(answers.map((a) => [a.error, a.error === undefined ? undefined : a.status])).toEqual([['ParameterNotFound', 400], ['InvalidNextToken', 400]]);
  const [denied] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }], 'us-east-1', UNAUTHORIZED_ACCESS_KEY);
  expect([denied!.error, denied!.error === undefined ? 0 : denied!.status]).toEqual(['AccessDeniedException', 400]);
});

test('when the AWS CLI reads the endpoint then get-parameter and get-parameters-by-path agree with boto3', async () => {
  const env = localAwsEnv(server.url, { AWS_DEFAULT_REGION: 'eu-west-1', AWS_REGION: 'eu-west-1' });
  const one = await awsCli(['ssm', 'get-parameter', '--name', AL_ARM, '--output', 'json'], server.url, env);
  expect(one.code).toBe(0);
  const [b] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }], 'eu-west-1');
  expect((JSON.parse(one.stdout) as { Parameter: Param }).Parameter.Value).toBe(b!.ok!.Parameter!.Value);
  const path = await awsCli(['ssm', 'get-parameters-by-path', '--path', '/aws/service/debian', '--recursive', '--page-size', '3',
    '--query', 'Parameters[].Name', '--output', 'json'], server.url, env);
  expect(path.code).toBe(0);
  const names = JSON.parse(path.stdout) as string[];
  expect(names.sort()).toEqual(pointers('eu-west-1').map((i) => i.PublicSsmParameterName!).filter((n) => n.startsWith('/aws/service/debian/')).sort());
  const missing = await awsCli(['ssm', 'get-parameter', '--name', '/aws/service/none'], server.url, env);
  // The AWS CLI v1 exits 255 on a service error (v2: 254).
  expect([missing.code, missing.stderr.trim()]).toEqual([255, 'An error occurred (ParameterNotFound) when calling the GetParameter operation:']);
}, 60_000);

test('when an image is a pointer\'s value then the public-ssm-parameter-name filter finds it, with that name', async () => {
  const [a] = await boto3([{ op: 'get_parameter', args: { Name: AL_ARM } }]);
  const out = await client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'public-ssm-parameter-name', Values: [AL_ARM] }], IncludeDeprecated: true }));
  const current = (out.Images ?? []).filter((i) => i.PublicSsmParameterName === AL_ARM).map((i) => i.ImageId);
  expect(current).toEqual([a!.ok!.Parameter!.Value]);
  expect(out.Images!.length).toBeGreaterThan(1);
});
