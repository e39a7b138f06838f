/** Fan-out against boto3: for each region, the images ami-find lists across regions equal boto3's paginator in that region. */
import { generateCatalogue, minimumImages } from '../ec2-local/catalogue/index.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { NOT_IN_BOTOCORE, normalise } from './compare.js';
import { localAwsEnv } from '../support/accounts.js';
import { boto3Paginate, requirePeer } from '../support/peers.js';
import { lines, runBin } from '../e2e/cli-support.js';
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
