/**
 * `-o terraform|packer|cloudformation` through the built binary: the query written without a request, --pin and
 * CloudFormation pinning what the listing finds (the same image as -o ids), refusals as usage errors (exit 2).
 */
import { parse } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv } from '../support/accounts.js';
import { requireBuilt, runBin } from './cli-support.js';

let server: Ec2Local;

beforeAll(async () => {
  requireBuilt();
  server = await startEc2Local({ catalogue: generateCatalogue({ images: 2000, seed: 'iac-cli' }) });
});
afterAll(async () => {
  await server?.close();
});

const run = (...args: string[]) => runBin(args, { ...localAwsEnv(server.url), AWS_REGION: 'us-east-1' });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const hcl = async (text: string): Promise<any> => parse('snippet.tf', text);

test('when -o terraform runs without --pin then the data source is written without contacting EC2', async () => {
  const r = await runBin(['ubuntu:24.04', '--latest', '-o', 'terraform'], { ...localAwsEnv('http://127.0.0.1:9'), AWS_REGION: 'us-east-1' });
  expect([r.code, r.stderr]).toEqual([0, '']);
  const body = (await hcl(r.stdout)).data.aws_ami.ubuntu_24_04_x86_64[0];
  expect([body.most_recent, body.owners]).toEqual([true, ['099720109477']]);
  expect(r.stdout).toContain('# Reproduce: ami-find ubuntu:24.04 --latest -o terraform');
});

test('when -o terraform --pin runs then the local holds the image -o ids prints', async () => {
  const ids = await run('ubuntu:24.04', '--latest', '-o', 'ids');
  const r = await run('ubuntu:24.04', '--latest', '-o', 'terraform', '--pin');
  expect([ids.code, r.code]).toEqual([0, 0]);
  expect((await hcl(r.stdout)).locals[0]).toEqual({ ubuntu_24_04_x86_64_ami_id: ids.stdout.trim() });
});

test('when -o packer --pin runs then source_ami is the image -o ids prints', async () => {
  const ids = await run('debian:12', '--latest', '-o', 'ids');
  const r = await run('debian:12', '--latest', '-o', 'packer', '--pin');
  expect(await hcl(r.stdout)).toEqual({ source_ami: ids.stdout.trim() });
});

test('when -o cloudformation runs then Mappings keys the newest image by the region', async () => {
  const ids = await run('al2023', '--latest', '-o', 'ids');
  const yaml = await run('al2023', '--latest', '-o', 'cloudformation');
  const json = await run('al2023', '--latest', '-o', 'cloudformation-json');
  expect([yaml.code, json.code]).toEqual([0, 0]);
  for (const doc of [parseYaml(yaml.stdout), JSON.parse(json.stdout)]) {
    expect(doc.Mappings).toEqual({ Al2023X8664Ami: { 'us-east-1': { ImageId: ids.stdout.trim() } } });
  }
});

test.each([
  [['ubuntu:24.04', '--latest', '--created-after', '30d', '-o', 'terraform'], '--created-after'],
  [['ubuntu:24.04', '--latest', '--name-regex', 'x', '-o', 'packer'], '--name-regex'],
  [['ubuntu:24.04', '-o', 'cloudformation'], 'a list'],
  [['ubuntu:24.04', '--pin'], '--pin applies to'],
  [['ubuntu:24.04', '--max-items', '5', '-o', 'terraform'], '--max-items'],
  [['ubuntu:24.04', '-i', '-o', 'json'], 'does not apply to -i'],
])('when %j runs then it is refused with exit 2 and one line naming %s', async (args, what) => {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')[0]).toContain(what);
});

test('when a pinned query matches nothing then exit 3 and nothing on stdout', async () => {
  const r = await run('--owner', '123456789012', '--name', 'no-such-image-*', '--latest', '-o', 'terraform', '--pin');
  expect([r.code, r.stdout]).toEqual([3, '']);
});

test('when a tag value holds ${, quotes and a newline then the Terraform filter reads back exactly that value', async () => {
  const value = 'a "${var.x}" %{ if } \\ \n end';
  const r = await runBin(['--owner', 'self', '--tag', `Env=${value}`, '-o', 'terraform'], localAwsEnv('http://127.0.0.1:9'));
  expect(r.code).toBe(0);
  const body = (await hcl(r.stdout)).data.aws_ami_ids.ami[0];
  // hcl2json writes Terraform's JSON syntax, where a literal ${ or %{ is $${ or %%{.
  expect(body.filter[0].values).toEqual([value.replace('${', () => '$${').replace('%{', () => '%%{')]);
  expect(r.stdout.split('\n').filter((l) => l.startsWith('data '))).toHaveLength(1);
});

test('when -o cloudformation has no region to key its map by then it is refused before any request', async () => {
  const env = { ...localAwsEnv('http://127.0.0.1:9') };
  delete env.AWS_REGION;
  delete env.AWS_DEFAULT_REGION;
  const r = await runBin(['al2023', '--latest', '-o', 'cloudformation'], env);
  expect([r.code, r.stdout]).toEqual([2, '']);
  expect(r.stderr.split('\n')[0]).toBe('ami-find: -o cloudformation keys its map by region: pass --region (or set AWS_REGION)');
});
