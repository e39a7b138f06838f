/**
 * Several regions and profiles in one command (built bin, local endpoint with per-region faults):
 * nothing lost, the right exit code, every line attributable to its region.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCatalogue, minimumImages } from '../ec2-local/catalogue/index.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { DEFAULT_ACCESS_KEY, OTHER_ACCESS_KEY, SECRET_KEY, localAwsEnv } from '../support/accounts.js';
import { lines, runBin, withoutCredentials } from './cli-support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1', 'af-south-1'];
let server: Ec2Local;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startEc2Local({
    catalogue: generateCatalogue({ images: minimumImages({ regions: REGIONS }), regions: REGIONS, seed: 'fan-out' }),
    policy: { shortPageRate: 0 },
  });
  env = localAwsEnv(server.url, { AWS_MAX_ATTEMPTS: '2' });
});
afterAll(async () => { await server?.close(); });
afterEach(() => { server.setFaults({}); server.setLatency({}); });

/** The image IDs one region lists alone (single-region mode, the reference). */
async function alone(region: string, args: string[] = ['--owner', 'self']): Promise<string[]> {
  const r = await runBin([...args, '--region', region, '-o', 'ids'], env);
  expect([0, 3]).toContain(r.code);
  return lines(r.stdout).sort();
}

test('when one region throttles and one is not enabled then the others are printed whole, each failing region gets one line, and it exits 9', async () => {
  server.setFaults({ regions: { 'us-west-2': { failFirstAttempts: { count: 99, code: 'RequestLimitExceeded' } } } });
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '--region', 'us-west-2,af-south-1', '-o', 'ndjson', '--page-size', '5'], env);
  expect(r.code).toBe(9);
  const images = lines(r.stdout).map((l) => JSON.parse(l) as { Region: string; ImageId: string });
  expect(new Set(images.map((i) => i.Region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
  for (const region of ['us-east-1', 'eu-west-1']) {
    expect(images.filter((i) => i.Region === region).map((i) => i.ImageId).sort()).toEqual(await alone(region));
  }
  const err = lines(r.stderr);
  expect(err).toHaveLength(2);
  expect(err.find((l) => l.startsWith('ami-find: us-west-2: throttled: '))).toBeDefined();
  expect(err.find((l) => l.startsWith('ami-find: af-south-1: not enabled for this account: '))).toBeDefined();
});

test('when every region answers then ids are REGION<TAB>ID, table has REGION first in region order, and it exits 0', async () => {
  const regions = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
  const ids = await runBin(['--owner', 'self', '--region', regions.join(','), '-o', 'ids'], env);
  expect(ids.code).toBe(0);
  const rows = lines(ids.stdout).map((l) => l.split('\t'));
  for (const region of regions) {
    expect(rows.filter(([r]) => r === region).map(([, id]) => id).sort()).toEqual(await alone(region));
  }
  expect(rows.every((row) => row.length === 2 && regions.includes(row[0]!))).toBe(true);
  const table = await runBin(['--owner', 'self', '--region', regions.join(','), '-o', 'tsv'], env);
  const cells = lines(table.stdout).map((l) => l.split('\t'));
  expect(cells[0]![0]).toBe('region');
  const order = cells.slice(1).map((c) => c[0]!);
  expect(order).toEqual([...order].sort());
  expect(order.length).toBe(rows.length);
});

test('when --latest is given then it is the newest in each region, and region-map keys them by region', async () => {
  const query = ['--owner', 'self', '--latest'];
  const r = await runBin([...query, '--region', 'us-east-1,eu-west-1,us-west-2', '-o', 'region-map'], env);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    'eu-west-1': (await alone('eu-west-1', query))[0],
    'us-east-1': (await alone('us-east-1', query))[0],
    'us-west-2': (await alone('us-west-2', query))[0],
  });
  const ambiguous = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '-o', 'region-map'], env);
  expect(ambiguous.code).toBe(2);
  expect(ambiguous.stderr).toMatch(/region-map needs one image per region/);
});

test('when json spans regions then each image carries Region and .Images[] still holds the AWS shape', async () => {
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,ap-northeast-1', '-o', 'json'], env);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as { Images: { Region: string; ImageId: string; OwnerId: string }[] };
  expect(doc.Images.length).toBe((await alone('us-east-1')).length + (await alone('ap-northeast-1')).length);
  expect(doc.Images.every((i) => ['us-east-1', 'ap-northeast-1'].includes(i.Region) && i.OwnerId === '123456789012')).toBe(true);
});

test('when one region is slow then the other regions stream first', async () => {
  server.setLatency({ regions: { 'eu-west-1': { fixedMs: 2500 } } });
  const start = Date.now();
  let firstAt = 0;
  let firstChunk = '';
  const r = await runBin(['--owner', 'self', '--region', 'eu-west-1,us-east-1', '-o', 'ids'], env, {
    onStdout: (chunk) => { if (firstAt === 0) { firstAt = Date.now() - start; firstChunk = chunk; } },
  });
  expect(r.code).toBe(0);
  expect(firstChunk.startsWith('us-east-1\t')).toBe(true);
  expect(firstAt).toBeLessThan(Date.now() - start - 1000);
});

test('when --all-regions is given then the enabled regions are listed and the opt-in ones not enabled are named in one notice', async () => {
  const r = await runBin(['--owner', 'self', '--all-regions', '-o', 'ids'], env);
  expect(r.code).toBe(0);
  const regions = new Set(lines(r.stdout).map((l) => l.split('\t')[0]));
  expect(regions).toEqual(new Set(['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1']));
  const err = lines(r.stderr);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^ami-find: notice: skipped \d+ opt-in regions not enabled for the account: .*af-south-1/);
});

test('when several profiles are given then each line names the profile and region, from each account', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ami-find-fan-out-'));
  const credentials = join(dir, 'credentials');
  writeFileSync(credentials, `[dev]\naws_access_key_id = ${DEFAULT_ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\n`
    + `[prod]\naws_access_key_id = ${OTHER_ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\n`);
  const r = await runBin(['--owner', 'self', '--profile', 'dev,prod', '--region', 'us-east-1', '-o', 'tsv'],
    { ...withoutCredentials(env), AWS_SHARED_CREDENTIALS_FILE: credentials });
  expect(r.code).toBe(0);
  const rows = lines(r.stdout).slice(1).map((l) => l.split('\t'));
  expect(lines(r.stdout)[0]!.split('\t').slice(0, 3)).toEqual(['profile', 'region', 'id']);
  expect(new Set(rows.map((c) => `${c[0]}/${c[1]}`))).toEqual(new Set(['dev/us-east-1', 'prod/us-east-1']));
  // owner column: each profile's own account
  expect(new Set(rows.filter((c) => c[0] === 'dev').map((c) => c[4]))).toEqual(new Set(['123456789012']));
  expect(new Set(rows.filter((c) => c[0] === 'prod').map((c) => c[4]))).toEqual(new Set(['210987654321']));
});

test('when --max-items or --starting-token meets several regions then it is a usage error before any request', async () => {
  const before = server.requests.length;
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '--max-items', '3'], env);
  expect(r.code).toBe(2);
  expect(lines(r.stderr)[0]).toMatch(/^ami-find: --max-items resumes one listing/);
  expect(server.requests.length).toBe(before);
});

test('when every region fails the same way then the exit code is that failure\'s', async () => {
  server.setFaults({ regions: { 'us-east-1': { failFirstAttempts: { count: 99 } }, 'eu-west-1': { failFirstAttempts: { count: 99 } } } });
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '-o', 'ids'], env);
  expect(r.code).toBe(7);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(2);
});

test('when --explain spans regions then it prints one request per region and a shell loop, and sends nothing', async () => {
  const before = server.requests.length;
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '--latest', '--explain'], env);
  expect(r.code).toBe(0);
  const out = lines(r.stdout);
  expect(out.filter((l) => l.startsWith('# DescribeImages request in '))).toEqual([
    `# DescribeImages request in us-east-1: POST ${server.url}`, `# DescribeImages request in eu-west-1: POST ${server.url}`]);
  expect(out).toContain('for region in us-east-1 eu-west-1; do');
  expect(out.find((l) => l.includes('aws ec2 describe-images') && l.endsWith('--region "$region"'))).toBeDefined();
  expect(server.requests.length).toBe(before);
});

test('when --dry-run spans regions then each region is checked and named, and a region not enabled makes it exit 9', async () => {
  const ok = await runBin(['--owner', 'self', '--region', 'us-east-1,eu-west-1', '--dry-run'], env);
  expect(ok.code).toBe(0);
  expect(lines(ok.stderr)).toEqual([
    'ami-find: dry run: eu-west-1: the request would have succeeded', 'ami-find: dry run: us-east-1: the request would have succeeded']);
  const r = await runBin(['--owner', 'self', '--region', 'us-east-1,af-south-1', '--dry-run'], env);
  expect(r.code).toBe(9);
  expect(lines(r.stderr)[0]).toMatch(/^ami-find: dry run: af-south-1: not enabled for this account: /);
  expect(r.stdout).toBe('');
});

test('when show spans regions then it finds the copies (same owner and name) and names the region of each', async () => {
  // sa-east-1 is a region of the endpoint where the catalogue has no images: the copies cannot be there.
  const four = ['us-east-1', 'eu-west-1', 'us-west-2', 'sa-east-1'];
  const listed = await runBin(['--owner', 'self', '--region', four.join(','), '-o', 'tsv', '--columns', 'region,id,name', '--no-header'], env);
  const rows = lines(listed.stdout).map((l) => l.split('\t') as [string, string, string]);
  const regionsOf = (name: string) => new Set(rows.filter(([, , n]) => n === name).map(([r]) => r));
  const name = rows.find(([r, , n]) => r === 'eu-west-1' && regionsOf(n).size > 1)![2];
  const copies = rows.filter(([, , n]) => n === name).map(([r, id]) => [r, id]).sort();
  const euId = copies.find(([r]) => r === 'eu-west-1')![1]!;
  const failing = 'sa-east-1';
  server.setFaults({ regions: { [failing]: { failFirstAttempts: { count: 99, code: 'InternalError' } } } });
  const r = await runBin(['show', euId, '--region', four.join(','), '-o', 'json'], env);
  expect(r.code).toBe(9);
  const shown = (JSON.parse(r.stdout) as { Images: { Region: string; ImageId: string; Name: string }[] }).Images;
  expect(shown.map((i) => [i.Region, i.ImageId]).sort()).toEqual(copies);
  expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^ami-find: ${failing}: service unavailable: `))]);
  server.setFaults({});
  const details = await runBin(['show', euId, '--region', four.join(',')], env);
  expect(details.code).toBe(0);
  expect(details.stdout).toContain(`Same owner and name in ${copies.length} of 4 regions:`);
  const missing = four.filter((reg) => !regionsOf(name).has(reg));
  expect(details.stdout).toMatch(new RegExp(`Missing from: ${missing.join(', ')}\n$`));
});
