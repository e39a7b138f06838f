/**
 * `--ssm` against the local endpoint's SSM parameters (test/ec2-local/README.md, SSM): the publisher's
 * pointer per region, every output format, and each documented error with its exit code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { UNAUTHORIZED_ACCESS_KEY, localAwsEnv } from '../support/accounts.js';
import { createRequire } from 'node:module';
import { lines, requireBuilt, runBin, SDK_BUNDLE } from './cli-support.js';

const AL = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default';
let server: Ec2Local;
let env: NodeJS.ProcessEnv;
let deprecatedId: string;

/** The current value of a parameter in a region, from the catalogue. */
const pointer = (name: string, region: string) => server.catalogue.images.find((i) => i.Region === region && i.PublicSsmParameterName === name)!;

beforeAll(async () => {
  requireBuilt();
  const catalogue = generateCatalogue({ images: 1500, seed: 'ssm-e2e' });
  const now = Date.now();
  deprecatedId = catalogue.images.find((i) => i.Region === 'us-east-1' && i.Public && i.DeprecationTime !== undefined && Date.parse(i.DeprecationTime) < now)!.ImageId!;
  server = await startEc2Local({
    catalogue,
    ssmParameters: { 'us-east-1': { '/test/deprecated-pointer': deprecatedId, '/test/invisible-pointer': 'ami-0123456789abcdef0' } },
  });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server?.close(); });

test('when --ssm is asked in several regions then each answers its own region\'s pointer, one GetParameter and one DescribeImages each', async () => {
  for (const region of ['us-east-1', 'eu-west-1', 'us-west-2']) {
    const before = server.requests.length;
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', region, '-o', 'ids'], env);
    expect([r.code, lines(r.stdout), r.stderr]).toEqual([0, [pointer(`${AL}-arm64`, region).ImageId], '']);
    const calls = server.requests.slice(before).map((q) => [q.action, q.region]);
    expect(calls).toEqual([['GetParameter', region], ['DescribeImages', region]]);
  }
}, 60_000);

test.each(['table', 'wide', 'json', 'ndjson', 'csv', 'tsv', 'ids'])('when --ssm writes %s then the pointer\'s image is the one row', async (format) => {
  const r = await runBin(['debian:12', '--ssm', '-o', format], env);
  const id = pointer('/aws/service/debian/release/12/latest/amd64', 'us-east-1').ImageId!;
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(id);
  expect(r.stdout.split(id)).toHaveLength(2);
  if (format === 'json') expect((JSON.parse(r.stdout) as { Images: { ImageId: string }[] }).Images.map((i) => i.ImageId)).toEqual([id]);
}, 30_000);

test('when --ssm-parameter names any parameter then its image is printed', async () => {
  const name = '/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id';
  const r = await runBin(['--ssm-parameter', name, '-o', 'ids'], env);
  expect([r.code, lines(r.stdout)]).toEqual([0, [pointer(name, 'us-east-1').ImageId]]);
});

test.each([
  ['a parameter that does not exist', ['--ssm-parameter', '/aws/service/no/such'], 10, /^ami-find: SSM parameter \/aws\/service\/no\/such does not exist in this region$/m],
  ['a parameter that holds no AMI ID', ['--ssm-parameter', '/aws/service/global-infrastructure/regions/us-east-1/partition'], 10,
    /does not hold an AMI ID \(value "aws", data type text\)/],
  ['a pointer to an image EC2 does not show', ['--ssm-parameter', '/test/invisible-pointer'], 10, /points at ami-0123456789abcdef0, which EC2 does not show/],
  ['a pointer to a deprecated image', ['--ssm-parameter', '/test/deprecated-pointer'], 10, /points at ami-\w+, deprecated since /],
  ['a preset without a parameter', ['rocky', '--ssm'], 2, /preset 'rocky' has no SSM parameter for x86_64/],
  ['--ssm without a preset', ['--ssm'], 2, /--ssm needs a preset or --ssm-parameter/],
  ['--ssm with --latest', ['al2023', '--ssm', '--latest'], 2, /cannot be used with option '--latest/],
])('when --ssm meets %s then one clear line and the documented exit code', async (_what, args, code, message) => {
  const r = await runBin([...args, '-o', 'ids'], env);
  expect([r.code, r.stdout]).toEqual([code, '']);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('when the pointer is deprecated and --include-deprecated is given then the image is printed with a warning', async () => {
  const r = await runBin(['--ssm-parameter', '/test/deprecated-pointer', '--include-deprecated', '-o', 'ids'], env);
  expect([r.code, lines(r.stdout)]).toEqual([0, [deprecatedId]]);
  expect(r.stderr).toMatch(/^ami-find: warning: ami-\w+ \(from \/test\/deprecated-pointer\) is deprecated since /);
});

test('when the identity may not read SSM then exit 6 names the permission', async () => {
  const r = await runBin(['al2023', '--ssm'], { ...env, AWS_ACCESS_KEY_ID: UNAUTHORIZED_ACCESS_KEY });
  expect(r.code).toBe(6);
  expect(r.stderr).toMatch(/not authorized to read SSM parameter .*\nhint: the identity needs ssm:GetParameter/);
});

describe('ami-find ssm [path]', () => {
  test('when a path is browsed then every parameter under it comes back with its image\'s name, paged through SSM', async () => {
    const before = server.requests.length;
    const r = await runBin(['ssm', '/aws/service/ami-amazon-linux-latest', '-o', 'tsv', '--no-header', '--region', 'eu-west-1'], env);
    expect(r.code).toBe(0);
    const rows = lines(r.stdout).map((l) => l.split('\t'));
    const expected = server.catalogue.images.filter((i) => i.Region === 'eu-west-1' && i.PublicSsmParameterName?.startsWith('/aws/service/ami-amazon-linux-latest/'));
    expect(rows.map((c) => c.slice(0, 3))).toEqual(expected.map((i) => [i.PublicSsmParameterName, i.ImageId, i.Name])
      .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    const pages = server.requests.slice(before).filter((q) => q.action === 'GetParametersByPath');
    expect(pages).toHaveLength(Math.ceil(rows.length / 10));
    expect(pages.every((q) => q.params.Recursive === 'true')).toBe(true);
  });

  test('when the output is json or ids then they hold the same parameters', async () => {
    const json = await runBin(['ssm', '/aws/service/debian', '-o', 'json'], env);
    const ids = await runBin(['ssm', '/aws/service/debian', '-o', 'ids'], env);
    const parsed = JSON.parse(json.stdout) as { Parameters: { Name: string; Value: string; ImageName?: string; DataType: string }[] };
    expect(parsed.Parameters.length).toBeGreaterThan(1);
    expect(parsed.Parameters.every((p) => p.DataType === 'aws:ec2:image' && p.ImageName?.startsWith('debian-'))).toBe(true);
    expect(lines(ids.stdout)).toEqual(parsed.Parameters.map((p) => p.Value));
  });

  test('when no path is given then the well-known publishers\' paths are listed without a request', async () => {
    const before = server.requests.length;
    const r = await runBin(['ssm'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\/aws\/service\/ami-amazon-linux-latest +Amazon Linux/m);
    expect(server.requests.length).toBe(before);
  });

  test.each([
    ['a path with nothing under it', ['ssm', '/aws/service/nothing'], 3, /^ami-find: no parameters under \/aws\/service\/nothing in this region\n$/],
    ['a path without a leading slash', ['ssm', 'aws/service'], 2, /is not a parameter path/],
  ])('when ssm is given %s then one clear line and the documented exit code', async (_what, args, code, message) => {
    const r = await runBin(args, env);
    expect([r.code, r.stdout]).toEqual([code, '']);
    expect(r.stderr).toMatch(message);
  });

  test('when the identity may not read SSM then ssm exits 6 naming ssm:GetParametersByPath', async () => {
    const r = await runBin(['ssm', '/aws/service/debian'], { ...env, AWS_ACCESS_KEY_ID: UNAUTHORIZED_ACCESS_KEY });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/hint: the identity needs ssm:GetParametersByPath/);
  });
});

describe('loading SSM', () => {
  /** The AWS SDK files a run required, by a preload hook on Module._load. */
  async function sdkFilesLoaded(args: string[]): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'ami-find-ssm-load-'));
    const hook = join(dir, 'hook.cjs');
    const out = join(dir, 'loaded.txt');
    writeFileSync(hook, `const M = require('module'); const fs = require('fs'); const seen = new Set(); const load = M._load;
M._load = function (req, parent, isMain) { if (/aws-sdk|client-ssm|client-ec2/.test(req)) seen.add(req); return load.apply(this, arguments); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, [...seen].join('\\n')));`);
    const r = await runBin(args, { ...env, NODE_OPTIONS: `--require ${hook}` });
    expect(r.code).toBe(0);
    return readFileSync(out, 'utf8').split('\n').filter(Boolean);
  }

  test('when a plain listing runs then the SSM bundle is not loaded; --ssm loads it', async () => {
    const plain = await sdkFilesLoaded(['--owner', 'self', '-o', 'ids', '--max-items', '1']);
    expect(plain.some((f) => f.endsWith('aws-sdk.cjs'))).toBe(true);
    expect(plain.filter((f) => /aws-sdk-ssm\.cjs$|client-ssm/.test(f))).toEqual([]);
    const ssm = await sdkFilesLoaded(['al2023', '--ssm', '-o', 'ids']);
    expect(ssm.some((f) => f.endsWith('aws-sdk-ssm.cjs'))).toBe(true);
  });

  test('when the SSM bundle is built then it exports the SSM surface ami-find uses, without the SDK\'s own credential chain', () => {
    const bundle = SDK_BUNDLE.replace(/aws-sdk\.cjs$/, 'aws-sdk-ssm.cjs');
    const exported = createRequire(import.meta.url)(bundle) as Record<string, unknown>;
    expect(Object.keys(exported).sort()).toEqual(['GetParameterCommand', 'GetParametersByPathCommand', 'SSMClient']);
    // The default chain's nested STS client (web identity) is stubbed out: ami-find passes credentials.
    expect(readFileSync(bundle, 'utf8')).not.toContain('AssumeRoleWithWebIdentity');
  });

  test('when the credentials come from a process then --ssm and the cross-check run it once for both clients', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ami-find-ssm-creds-'));
    const count = join(dir, 'calls');
    const script = join(dir, 'creds.sh');
    writeFileSync(script, `#!/bin/sh\necho call >> '${count}'\necho '{"Version": 1, "AccessKeyId": "${env.AWS_ACCESS_KEY_ID}", "SecretAccessKey": "${env.AWS_SECRET_ACCESS_KEY}"}'\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'config'), `[profile proc]\ncredential_process = ${script}\n`);
    const procEnv = { ...env, AWS_CONFIG_FILE: join(dir, 'config'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
    for (const args of [['al2023', '--ssm'], ['al2023', '--latest']]) {
      writeFileSync(count, '');
      const before = server.requests.length;
      const r = await runBin([...args, '--profile', 'proc', '-o', 'ids'], procEnv);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(server.requests.slice(before).map((q) => q.action).sort()).toEqual(['DescribeImages', 'GetParameter']);
      expect(readFileSync(count, 'utf8')).toBe('call\n');
    }
  });
});
