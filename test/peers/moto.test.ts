/**
 * The local endpoint against moto (`python3 -m moto.server`, a secondary source): the same images
 * in both, the same queries, the same answers. Where moto departs from the contract
 * (test/ec2-local/README.md), the test asserts the contract on our endpoint and says why.
 */
import { DescribeImagesCommand, EC2Client, paginateDescribeImages, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import { DEFAULT_ACCESS_KEY, OTHER_ACCOUNT, SELF_ACCOUNT } from '../support/accounts.js';
import { requirePeer, startMoto } from '../support/peers.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { Catalogue } from '../ec2-local/types.js';
import { normalise } from './compare.js';
import { mirrorMoto, motoAmisFile, sdkClient } from './moto-setup.js';

let moto: { url: string; close(): Promise<void> };
let motoClient: EC2Client;
let local: Ec2Local;
let localClient: EC2Client;
let catalogue: Catalogue;

beforeAll(async () => {
  requirePeer('moto');
  moto = await startMoto({ env: { MOTO_AMIS_PATH: motoAmisFile() } });
  motoClient = sdkClient(moto.url);
  catalogue = await mirrorMoto(motoClient);
  local = await startEc2Local({ catalogue });
  localClient = sdkClient(local.url);
}, 120_000);
afterAll(async () => {
  motoClient?.destroy();
  localClient?.destroy();
  await local?.close();
  await moto?.close();
});

/** Moto answers in one page (it ignores MaxResults); ours is read in pages of 5. */
async function both(input: DescribeImagesCommandInput): Promise<{ ours: Image[]; theirs: Image[] }> {
  const theirs = (await motoClient.send(new DescribeImagesCommand(input))).Images ?? [];
  const ours: Image[] = [];
  if (input.ImageIds?.length) {
    // MaxResults with ImageIds is UNVERIFIED (contract §4.2): ask without MaxResults.
    ours.push(...((await localClient.send(new DescribeImagesCommand(input))).Images ?? []));
  } else {
    for await (const page of paginateDescribeImages({ client: localClient, pageSize: 5 }, { ...input })) ours.push(...(page.Images ?? []));
  }
  return { ours, theirs };
}

const ids = (images: Image[]): string[] => images.map((i) => i.ImageId!).sort();
/**
 * Moto sends an empty tagSet on other accounts' images; we send none, since a non-owner is not shown
 * an image's user tags (README "Visibility"). Named in 'where the endpoint checks what moto lets through'.
 */
const withoutOthersEmptyTags = (images: Image[]): Image[] => images.map((i) => {
  if (i.OwnerId === SELF_ACCOUNT || i.Tags === undefined || i.Tags.length > 0) return i;
  const { Tags: _t, ...rest } = i;
  return rest;
});
const own = (): Image[] => catalogue.images.filter((i) => i.OwnerId === SELF_ACCOUNT);

const SAME: [string, DescribeImagesCommandInput][] = [
  ['no parameters (everything visible)', {}],
  ['owners self', { Owners: ['self'] }],
  ['owners amazon', { Owners: ['amazon'] }],
  ['owners by account ID', { Owners: ['137112412989', SELF_ACCOUNT] }],
  ['a name wildcard with *', { Filters: [{ Name: 'name', Values: ['h2-web-*'] }] }],
  ['a name wildcard with ?', { Filters: [{ Name: 'name', Values: ['h2-??-00?'] }] }],
  ['a tag filter', { Filters: [{ Name: 'tag:team', Values: ['platform', 'R&D <core>'] }] }],
  ['a tag-key filter', { Filters: [{ Name: 'tag-key', Values: ['env'] }] }],
  ['an architecture filter', { Filters: [{ Name: 'architecture', Values: ['arm64'] }] }],
  ['two filters (AND) with two values (OR)', { Owners: ['amazon'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }, { Name: 'platform', Values: ['windows'] }] }],
  ['is-public false', { Filters: [{ Name: 'is-public', Values: ['false'] }] }],
  ['executable-by all', { ExecutableUsers: ['all'] }],
];

describe('the local endpoint and moto give the same answers', () => {
  it('when the catalogue is mirrored from moto then it holds public amazon images and our own tagged ones', () => {
    expect(catalogue.images.filter((i) => i.ImageOwnerAlias === 'amazon').length).toBeGreaterThan(10);
    expect(own()).toHaveLength(6);
    expect([...new Set(catalogue.images.map((i) => i.Architecture))]).toEqual(expect.arrayContaining(['x86_64', 'arm64']));
  });

  it.each(SAME)('when asking for %s then both return the same images with the same fields', async (_label, input) => {
    const { ours, theirs } = await both(input);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ids(ours)).toEqual(ids(theirs));
    expect(normalise(ours)).toEqual(normalise(withoutOthersEmptyTags(theirs)));
  }, 60_000);

  it('when asking by image IDs then both return exactly those images', async () => {
    const wanted = [own()[0]!.ImageId!, catalogue.images.find((i) => i.ImageOwnerAlias === 'amazon')!.ImageId!];
    const { ours, theirs } = await both({ ImageIds: wanted });
    expect(ids(ours)).toEqual([...wanted].sort());
    expect(normalise(ours)).toEqual(normalise(withoutOthersEmptyTags(theirs)));
  }, 60_000);

  it('when paging at 5 then our pages add up to moto\'s single answer without duplicates', async () => {
    const { ours, theirs } = await both({});
    expect(ours.length).toBe(new Set(ids(ours)).size);
    expect(ours.length).toBeGreaterThan(10);
    expect(ids(ours)).toEqual(ids(theirs));
  }, 60_000);
});

describe('where moto departs from the contract, the contract wins', () => {
  it('when ImageIds and a filter are both given then we apply the filter and moto ignores it', async () => {
    // Contract §4.1: real EC2 applies ImageIds and Filters together (aws/aws-cli#7428);
    // moto returns the IDs and ignores filters, owners and executable-by [MOTO models/amis.py].
    const [web, db] = ['h2-web-001', 'h2-db-001'].map((n) => own().find((i) => i.Name === n)!.ImageId!);
    const input = { ImageIds: [web!, db!], Filters: [{ Name: 'name', Values: ['h2-web-*'] }] };
    const { ours, theirs } = await both(input);
    expect(ids(theirs)).toEqual([web!, db!].sort());
    expect(ids(ours)).toEqual([web!]);
  }, 60_000);

  it('when executable-by names another account then we return only images shared with it, moto adds public ones', async () => {
    // Contract §4.1 [M] ExecutableUsers: another account's ID "returns only AMIs shared with that
    // specific account"; moto keeps every public image in the result.
    const { ours, theirs } = await both({ ExecutableUsers: [OTHER_ACCOUNT] });
    const sharedWithOther = catalogue.images.filter((i) => i.LaunchPermissionUserIds?.includes(OTHER_ACCOUNT)).map((i) => i.ImageId!).sort();
    expect(sharedWithOther).toHaveLength(2);
    expect(ids(ours)).toEqual(sharedWithOther);
    expect(theirs.length).toBeGreaterThan(ours.length);
    expect(ids(theirs)).toEqual(expect.arrayContaining(sharedWithOther));
  }, 60_000);

  it('when executable-by self then we return only images shared with self, moto adds public ones', async () => {
    // Contract §4.1 [M]: `self` returns AMIs shared with your account (or organization); the caller's
    // own unshared images and public images are not "shared with" it. Moto returns every public image.
    const { ours, theirs } = await both({ ExecutableUsers: ['self'] });
    expect(ours).toEqual([]);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => i.Public)).toBe(true);
  }, 60_000);
});

describe('where the endpoint checks what moto lets through (README "Signatures", "Limits")', () => {
  const withSecret = (url: string, secretAccessKey: string) => new EC2Client({
    endpoint: url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey },
  });

  it('when a request is signed with the wrong secret then we answer SignatureDoesNotMatch and moto serves it', async () => {
    // Moto's server does not verify SigV4 signatures (its IAM access control is off by default).
    const theirs = await withSecret(moto.url, 'wrong').send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(ids(theirs.Images ?? [])).toEqual(ids(own()));
    await expect(withSecret(local.url, 'wrong').send(new DescribeImagesCommand({ Owners: ['self'] })))
      .rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
  }, 60_000);

  it('when another account\'s image is described then moto sends an empty tag list and we send none (README "Visibility")', async () => {
    const { ours, theirs } = await both({ Owners: ['amazon'] });
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => Array.isArray(i.Tags) && i.Tags.length === 0)).toBe(true);
    expect(ours.every((i) => i.Tags === undefined)).toBe(true);
  }, 60_000);

  it('when a call has 201 filter values then we answer FilterLimitExceeded and moto serves it', async () => {
    const input = { Filters: [{ Name: 'name', Values: Array.from({ length: 201 }, (_, i) => `h2-web-${String(i).padStart(3, '0')}`) }] };
    const theirs = await motoClient.send(new DescribeImagesCommand(input));
    expect(ids(theirs.Images ?? [])).toEqual(ids(own().filter((i) => i.Name!.startsWith('h2-web-'))));
    await expect(localClient.send(new DescribeImagesCommand(input))).rejects.toMatchObject({ name: 'FilterLimitExceeded' });
  }, 60_000);
});
