/**
 * What a caller that does not own an image sees of it (README "Visibility"). Documented: "You can't
 * share user-defined tags ... your user-defined tags are not available to any AWS account that the
 * AMI is shared with" (EC2 user guide, "Share an AMI with specific AWS accounts"), so a --tag query
 * over shared images returns nothing on AWS. Policy (UNVERIFIED): LastLaunchedTime, SourceInstanceId
 * and DeregistrationProtection are owner-only too; `hiddenFromNonOwners` switches each.
 * No moto comparison: test/peers/moto.test.ts drives moto as one account only (README "Visibility").
 */
import { DescribeImagesCommand, type Image } from '@aws-sdk/client-ec2';
import { OTHER_ACCESS_KEY } from '../../support/accounts.js';
import { fixtureCatalogue } from '../fixtures/catalogue.js';
import { IDS, OTHER_ACCOUNT, SELF_ACCOUNT } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import type { Catalogue, CatalogueImage } from '../types.js';
import { client, ids, startFixtureServer } from './support.js';

const OWNER_ONLY = {
  Tags: [{ Key: 'team', Value: 'platform' }],
  LastLaunchedTime: '2025-11-01T00:00:00Z',
  SourceInstanceId: 'i-0aaaabbbbccccdddd',
  DeregistrationProtection: 'enabled-without-cooldown',
};

/** The fixture, with owner-only members on an image OTHER shares with SELF, one SELF shares with OTHER, and a public one. */
function catalogue(): Catalogue {
  const c = fixtureCatalogue();
  const marked = new Set<string>([IDS.otherSharedWithSelf, IDS.otherOrgShared, IDS.selfSharedWithOther, IDS.ubuntuNoble]);
  c.images = c.images.map((img): CatalogueImage => (img.Region === 'us-east-1' && marked.has(img.ImageId!) ? { ...img, ...OWNER_ONLY } : img));
  return c;
}

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer({ catalogue: catalogue() }); });
afterAll(async () => { await server.close(); });

const self = () => client(server);
const other = () => client(server, 'us-east-1', OTHER_ACCESS_KEY);
async function one(c: ReturnType<typeof client>, id: string): Promise<Image> {
  const out = await c.send(new DescribeImagesCommand({ ImageIds: [id] }));
  expect(out.Images).toHaveLength(1);
  return out.Images![0];
}

describe('a non-owner does not see the owner-only members', () => {
  test.each([
    ['shared with the caller\'s account', IDS.otherSharedWithSelf],
    ['shared with the caller\'s organization', IDS.otherOrgShared],
    ['public', IDS.ubuntuNoble],
  ])('when an image %s is described then it comes without tags, last launched time, source instance and deregistration protection', async (_how, id) => {
    const img = await one(self(), id);
    expect(img.ImageId).toBe(id);
    expect(img.Name).toBeDefined();
    for (const member of Object.keys(OWNER_ONLY)) expect(img).not.toHaveProperty(member);
  });

  test('when the owner describes the same image then it sees every member', async () => {
    const img = await one(other(), IDS.otherSharedWithSelf);
    expect(img).toMatchObject(OWNER_ONLY);
    expect(await one(self(), IDS.selfSharedWithOther)).toMatchObject(OWNER_ONLY);
  });

  test('when SELF\'s image is described by the account it is shared with then that account sees no tags', async () => {
    const img = await one(other(), IDS.selfSharedWithOther);
    expect(img.OwnerId).toBe(SELF_ACCOUNT);
    expect(img.Tags).toBeUndefined();
  });

  test('when a listing holds owned and shared images then only the owned ones carry the members', async () => {
    const out = await self().send(new DescribeImagesCommand({ ImageIds: [IDS.selfSharedWithOther, IDS.otherSharedWithSelf] }));
    const byId = new Map((out.Images ?? []).map((i) => [i.ImageId, i]));
    expect(byId.get(IDS.selfSharedWithOther)?.Tags).toEqual(OWNER_ONLY.Tags);
    expect(byId.get(IDS.otherSharedWithSelf)?.Tags).toBeUndefined();
  });
});

describe('a non-owner\'s filters see the image as it is shown to them', () => {
  test('when SELF filters by a tag its shared images carry for their owner then they do not match; its own image does', async () => {
    expect(await ids(self(), { Filters: [{ Name: 'tag:team', Values: ['platform'] }] })).toEqual([IDS.selfSharedWithOther]);
    expect(await ids(self(), { Filters: [{ Name: 'tag-key', Values: ['team'] }] })).toEqual([IDS.selfSharedWithOther]);
  });

  test('when the owner filters by the same tag then its images match', async () => {
    expect(await ids(other(), { Filters: [{ Name: 'tag:team', Values: ['platform'] }], Owners: ['self'] }))
      .toEqual([IDS.otherSharedWithSelf, IDS.otherOrgShared].sort());
  });

  test('when a non-owner filters by source-instance-id then other accounts\' images do not match', async () => {
    expect(await ids(self(), { Filters: [{ Name: 'source-instance-id', Values: [OWNER_ONLY.SourceInstanceId] }] })).toEqual([IDS.selfSharedWithOther]);
  });
});

describe('the policy names the owner-only members', () => {
  test('when only tags are hidden then a non-owner sees the last launched time but still no tags', async () => {
    const s = await startFixtureServer({ catalogue: catalogue(), policy: { hiddenFromNonOwners: ['Tags'] } });
    try {
      const img = await one(client(s), IDS.otherSharedWithSelf);
      expect(img).toMatchObject({ LastLaunchedTime: OWNER_ONLY.LastLaunchedTime, SourceInstanceId: OWNER_ONLY.SourceInstanceId });
      expect(img.Tags).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  test('when nothing is hidden then a non-owner sees the tags (the old, kinder behaviour)', async () => {
    const s = await startFixtureServer({ catalogue: catalogue(), policy: { hiddenFromNonOwners: [] } });
    try {
      expect((await one(client(s), IDS.otherSharedWithSelf)).Tags).toEqual(OWNER_ONLY.Tags);
      expect(await ids(client(s), { Filters: [{ Name: 'tag:team', Values: ['platform'] }] })).toContain(IDS.otherSharedWithSelf);
    } finally {
      await s.close();
    }
  });

  test('when the owner account is the caller then nothing is hidden whatever the policy', async () => {
    expect(OTHER_ACCOUNT).not.toBe(SELF_ACCOUNT);
    expect((await one(self(), IDS.selfSharedWithOther)).LastLaunchedTime).toBe(OWNER_ONLY.LastLaunchedTime);
  });
});
