/**
 * The same local endpoint read by @aws-sdk/client-ec2, boto3 (its DescribeImages paginator) and
 * the AWS CLI: every client sees the same images with the same fields, XML escapes and unicode
 * included, and the SDK's images equal the catalogue records they were rendered from.
 */
import { EC2Client, paginateDescribeImages, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import { DEFAULT_ACCESS_KEY, SECRET_KEY, SELF_ACCOUNT, localAwsEnv } from '../support/accounts.js';
import { awsCli, boto3Paginate, requirePeer } from '../support/peers.js';
import { queryToBoto3Params } from '../support/peers.js';
import { generateCatalogue } from '../ec2-local/catalogue/index.js';
import { DEFAULT_POLICY, startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { nonOwnerView } from '../ec2-local/server/visibility.js';
import type { Catalogue } from '../ec2-local/types.js';
import type { ImageQuery } from '../../src/types.js';
import { NOT_IN_BOTOCORE, cliArgs, normalise } from './compare.js';

let server: Ec2Local;
let catalogue: Catalogue;
let client: EC2Client;

beforeAll(async () => {
  requirePeer('boto3');
  requirePeer('awsCli');
  catalogue = generateCatalogue({ images: 1500, seed: 'peers-read' });
  server = await startEc2Local({ catalogue });
  client = new EC2Client({
    endpoint: server.url, region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: SECRET_KEY },
  });
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

async function viaSdk(q: ImageQuery): Promise<Image[]> {
  const input = queryToBoto3Params(q) as DescribeImagesCommandInput;
  const out: Image[] = [];
  for await (const page of paginateDescribeImages({ client, pageSize: 100 }, input)) out.push(...(page.Images ?? []));
  return out;
}

async function viaCli(q: ImageQuery): Promise<Image[]> {
  const r = await awsCli(cliArgs(q, 100), server.url, localAwsEnv(server.url));
  if (r.code !== 0) throw new Error(`aws CLI exited ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { Images: Image[] }).Images;
}

const QUERIES: [string, ImageQuery][] = [
  ['own images (tags, XML-hostile and unicode text, disabled, encrypted)', { owners: ['self'], includeDeprecated: true, includeDisabled: true }],
  ['Amazon oldies and Windows (paravirtual, instance-store, i386, platform, TPM)',
    { owners: ['amazon'], includeDeprecated: true, filters: [{ Name: 'name', Values: ['amzn-ami-*', 'Windows_Server-2025-*'] }] }],
  ['marketplace images (product codes)', { owners: ['aws-marketplace'], filters: [{ Name: 'name', Values: ['*nami*', 'ubuntu/*'] }] }],
  ['images shared with self (other account, backup vault)', { executableUsers: ['self'] }],
  ['Canonical, SSM-tagged only', { owners: ['099720109477'], filters: [{ Name: 'public-ssm-parameter-name', Values: ['/aws/service/*'] }] }],
];

const SLOW = 120_000;

describe('the local endpoint read by the SDK, boto3 and the AWS CLI', () => {
  it.each(QUERIES)('when reading %s then boto3 sees the SDK images field by field', async (_label, q) => {
    const sdk = await viaSdk(q);
    const boto = await boto3Paginate(server.url, q, { PageSize: 100 }, localAwsEnv(server.url));
    expect(sdk.length).toBeGreaterThan(0);
    expect(boto.nextToken).toBeUndefined();
    expect(normalise(boto.images)).toEqual(normalise(sdk, NOT_IN_BOTOCORE));
  }, SLOW);

  it.each(QUERIES)('when reading %s then the AWS CLI sees the SDK images field by field', async (_label, q) => {
    const sdk = await viaSdk(q);
    const cli = await viaCli(q);
    expect(sdk.length).toBeGreaterThan(0);
    expect(normalise(cli)).toEqual(normalise(sdk, NOT_IN_BOTOCORE));
  }, SLOW);

  it.each(QUERIES)('when reading %s then the SDK images equal their catalogue records', async (_label, q) => {
    const sdk = await viaSdk(q);
    const byId = new Map(catalogue.images.filter((i) => i.Region === 'us-east-1').map((i) => [i.ImageId, i]));
    // Records as the caller is shown them: other accounts' images without their owner-only members (test/ec2-local/README.md "Visibility").
    const shown = nonOwnerView(DEFAULT_POLICY.hiddenFromNonOwners);
    const records = sdk.map((i) => byId.get(i.ImageId)!).map((r) => (r === undefined || r.OwnerId === SELF_ACCOUNT ? r : shown(r)));
    expect(records.every(Boolean)).toBe(true);
    expect(normalise(sdk)).toEqual(normalise(records));
  }, SLOW);

  it('when names carry & < > " \' and unicode then boto3 and the CLI decode them exactly', async () => {
    const q: ImageQuery = { owners: ['self'], filters: [{ Name: 'name', Values: ['R&D <build> "quoted" \'single\'', 'café-*'] }] };
    const boto = await boto3Paginate(server.url, q, {}, localAwsEnv(server.url));
    const cli = await viaCli(q);
    const expected = ['R&D <build> "quoted" \'single\'', 'café-ünïcødé-日本語-🚀-image'];
    expect(boto.images.map((i) => i.Name).sort()).toEqual(expected);
    expect(cli.map((i) => i.Name).sort()).toEqual(expected);
    expect(boto.images.flatMap((i) => i.Tags!).some((t) => t.Key === 'note & <x>' && t.Value === `"v" & 'w' <z> 日本`)).toBe(true);
  }, SLOW);
});
