/** Fan-out against boto3: for each region, the images ami-find lists across regions equal boto3's paginator in that region. */
import { generateCatalogue, minimumImages } from '../ec2-local/catalogue/index.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { NOT_IN_BOTOCORE, normalise } from './compare.js';
import { localAwsEnv } from '../support/accounts.js';
import { boto3Paginate, requirePeer } from '../support/peers.js';
import { lines, runBin, runShell } from '../e2e/cli-support.js';
import type { Image } from '@aws-sdk/client-ec2';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1'];
let server: Ec2Local;

beforeAll(async () => {
  requirePeer('boto3');
  server = await startEc2Local({ catalogue: generateCatalogue({ images: minimumImages({ regions: REGIONS }) + 200, regions: REGIONS, seed: 'fan-out-peer' }) });
});
afterAll(async () => { await server?.close(); });

test.each([
  ['--owner', 'amazon'],
  ['--owner', 'self', '--include-deprecated'],
])('when ami-find lists %s %s in four regions then each region equals boto3 paginating there', async (...query) => {
  const env = localAwsEnv(server.url);
  const r = await runBin([...query, '--region', REGIONS.join(','), '-o', 'ndjson', '--page-size', '7'], env);
  expect(r.code).toBe(0);
  const ours = lines(r.stdout).map((l) => JSON.parse(l) as Image & { Region: string });
  const owners = [query[1]!];
  for (const region of REGIONS) {
    const theirs = await boto3Paginate(server.url, { owners, includeDeprecated: query.includes('--include-deprecated') || undefined },
      { PageSize: 7 }, { ...env, AWS_REGION: region });
    const mine = ours.filter((i) => i.Region === region).map(({ Region: _, ...image }) => image);
    expect(mine.length).toBe(theirs.images.length);
    expect(normalise(mine, NOT_IN_BOTOCORE)).toEqual(normalise(theirs.images, NOT_IN_BOTOCORE));
  }
  expect(new Set(ours.map((i) => i.Region)).size).toBeGreaterThanOrEqual(3); // not a comparison of empty lists
}, 120_000);

test('when the shell loop --explain prints is run with the AWS CLI then it finds the same images in each region', async () => {
  requirePeer('awsCli');
  const env = localAwsEnv(server.url);
  const explained = await runBin(['--owner', 'self', '--region', REGIONS.join(','), '--explain'], env);
  expect(explained.code).toBe(0);
  const out = lines(explained.stdout);
  const loop = out.slice(out.indexOf('# the same with the AWS CLI, one region after another (ami-find adds Region to each image):') + 1)
    .filter((l) => !l.startsWith('#'));
  expect(loop[0]).toBe(`for region in ${REGIONS.join(' ')}; do`);
  // Each iteration prints one JSON document; print the region before it to attribute its images.
  const script = loop.map((l) => (l.includes('aws ec2 describe-images') ? `  echo "@$region"; ${l.trim()} --query 'Images[].ImageId' --output text` : l)).join('\n');
  const r = await runShell(script, env, { timeoutMs: 120_000 });
  expect(r.code).toBe(0);
  const cli = new Map<string, string[]>();
  let region = '';
  for (const l of lines(r.stdout)) {
    if (l.startsWith('@')) { region = l.slice(1); cli.set(region, []); continue; }
    cli.get(region)!.push(...l.split(/\s+/).filter((w) => w !== '' && w !== 'None'));
  }
  const ours = await runBin(['--owner', 'self', '--region', REGIONS.join(','), '-o', 'ids'], env);
  for (const reg of REGIONS) {
    const mine = lines(ours.stdout).filter((l) => l.startsWith(`${reg}\t`)).map((l) => l.split('\t')[1]).sort();
    expect(mine).toEqual([...(cli.get(reg) ?? [])].sort());
    expect(mine.length).toBeGreaterThan(0);
  }
}, 180_000);
