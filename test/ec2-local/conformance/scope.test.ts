/** Owners, ExecutableBy, deprecation, disabled images and ImageIds (contract §4.1, §4.5). */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { EXAMPLE_ACCESS_KEY, EXAMPLE_SECRET_KEY, OTHER_ACCESS_KEY } from '../../support/accounts.js';
import {
  AMAZON_ACCOUNT, CANONICAL_ACCOUNT, EU_IDS, IDS, OTHER_ACCOUNT, SELF_ACCOUNT,
} from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, ids, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

const sorted = (...list: string[]) => [...list].sort();
const SELF_VISIBLE = sorted(IDS.al2023x86, IDS.al2023arm, IDS.ubuntuNoble, IDS.windows, IDS.marketplaceLookalike,
  IDS.backupVault, IDS.selfPrivate, IDS.selfDeprecated, IDS.otherSharedWithSelf, IDS.otherOrgShared,
  IDS.selfSharedWithOther, IDS.failedImage, IDS.richImage, IDS.instanceStore, IDS.pending);

describe('default scope', () => {
  test('when nothing narrows the call then public, owned and shared images come back, not deprecated or disabled ones', async () => {
    expect(await ids(client(server))).toEqual(SELF_VISIBLE);
  });

  test('when another account calls then it sees its own private and deprecated images and what SELF shared with it', async () => {
    const seen = await ids(client(server, 'us-east-1', OTHER_ACCESS_KEY));
    expect(seen).toEqual(expect.arrayContaining([IDS.otherPrivate, IDS.otherPublicDeprecated, IDS.selfSharedWithOther, IDS.otherOrgShared]));
    expect(seen).not.toEqual(expect.arrayContaining([IDS.selfPrivate]));
    expect(seen).not.toContain(IDS.otherDisabled);
    expect(seen).not.toContain(IDS.backupVault);
  });

  test('when an unknown access key calls then AuthFailure comes back (it is not mapped to the default account)', async () => {
    const e = await errorOf(client(server, 'us-east-1', 'AKIAUNKNOWNKEY000000').send(new DescribeImagesCommand({})));
    expect([e.name, e.status]).toEqual(['AuthFailure', 401]);
  });

  test('when the documented example key calls with its example secret then it is the default account', async () => {
    const c = client(server, 'us-east-1', EXAMPLE_ACCESS_KEY, { credentials: { accessKeyId: EXAMPLE_ACCESS_KEY, secretAccessKey: EXAMPLE_SECRET_KEY } });
    expect(await ids(c)).toEqual(SELF_VISIBLE);
  });
});

describe('Owner.N', () => {
  test.each([
    [['self'], [IDS.selfPrivate, IDS.selfDeprecated, IDS.selfSharedWithOther, IDS.failedImage, IDS.pending]],
    [[SELF_ACCOUNT], [IDS.selfPrivate, IDS.selfDeprecated, IDS.selfSharedWithOther, IDS.failedImage, IDS.pending]],
    [['amazon'], [IDS.al2023x86, IDS.al2023arm, IDS.windows, IDS.instanceStore]],
    [['aws-marketplace'], [IDS.marketplaceLookalike]],
    [['aws-backup-vault'], [IDS.backupVault]],
    [[OTHER_ACCOUNT], [IDS.otherSharedWithSelf, IDS.otherOrgShared]],
    [[AMAZON_ACCOUNT, CANONICAL_ACCOUNT], [IDS.al2023x86, IDS.al2023arm, IDS.instanceStore, IDS.ubuntuNoble]],
  ])('when Owners is %j then only those owners\' visible images come back', async (owners, expected) => {
    expect(await ids(client(server), { Owners: owners })).toEqual(sorted(...expected));
  });

  test('when Owners is amazon with IncludeDeprecated then the deprecated amazon image is added', async () => {
    expect(await ids(client(server), { Owners: ['amazon'], IncludeDeprecated: true }))
      .toEqual(sorted(IDS.al2023x86, IDS.al2023arm, IDS.windows, IDS.instanceStore, IDS.al2023OldDeprecated));
  });

  test('when an owner is neither an account ID nor an alias then InvalidUserID.Malformed is returned', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ Owners: ['Amazon'] })));
    expect([e.name, e.status]).toEqual(['InvalidUserID.Malformed', 400]);
  });
});

describe('ExecutableBy.N', () => {
  test('when ExecutableUsers is all then only public images come back', async () => {
    expect(await ids(client(server), { ExecutableUsers: ['all'] })).toEqual(sorted(IDS.al2023x86, IDS.al2023arm,
      IDS.ubuntuNoble, IDS.windows, IDS.marketplaceLookalike, IDS.richImage, IDS.instanceStore));
  });

  test.each([['self'], [SELF_ACCOUNT]])('when ExecutableUsers is %s then explicit and organization shares come back', async (user) => {
    expect(await ids(client(server), { ExecutableUsers: [user] }))
      .toEqual(sorted(IDS.backupVault, IDS.otherSharedWithSelf, IDS.otherOrgShared));
  });

  test('when ExecutableUsers is another account then only explicit shares with it come back, not org shares', async () => {
    expect(await ids(client(server), { ExecutableUsers: [OTHER_ACCOUNT] })).toEqual([IDS.selfSharedWithOther]);
  });

  test('when Owners and ExecutableUsers are combined then both apply', async () => {
    expect(await ids(client(server), { Owners: [OTHER_ACCOUNT], ExecutableUsers: ['self'] }))
      .toEqual(sorted(IDS.otherSharedWithSelf, IDS.otherOrgShared));
    expect(await ids(client(server), { Owners: ['amazon'], ExecutableUsers: ['self'] })).toEqual([]);
  });

  test('when an executable user is malformed then InvalidUserID.Malformed is returned', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ExecutableUsers: ['everyone'] })));
    expect([e.name, e.status]).toEqual(['InvalidUserID.Malformed', 400]);
  });
});

describe('deprecated and disabled images', () => {
  test('when IncludeDeprecated is true then deprecated public images of others appear', async () => {
    expect(await ids(client(server), { IncludeDeprecated: true }))
      .toEqual(sorted(...SELF_VISIBLE, IDS.al2023OldDeprecated, IDS.otherPublicDeprecated));
  });

  test('when the owner lists its images then its deprecated ones appear even with IncludeDeprecated false', async () => {
    expect(await ids(client(server), { Owners: ['self'], IncludeDeprecated: false })).toContain(IDS.selfDeprecated);
  });

  test('when a deprecated image is asked for by ID then it is returned without IncludeDeprecated', async () => {
    expect(await ids(client(server), { ImageIds: [IDS.al2023OldDeprecated] })).toEqual([IDS.al2023OldDeprecated]);
  });

  test('when the deprecation time is still in the future then the image is not hidden', async () => {
    expect(await ids(client(server), { Owners: [CANONICAL_ACCOUNT] })).toEqual([IDS.ubuntuNoble]);
  });

  test('when the clock passes the deprecation time then the image is hidden', async () => {
    const later = await startFixtureServer({ policy: { now: () => new Date('2027-06-01T00:00:00Z') } });
    try {
      expect(await ids(client(later), { Owners: [CANONICAL_ACCOUNT] })).toEqual([]);
    } finally {
      await later.close();
    }
  });

  test('when the owner sets IncludeDisabled then its disabled image appears', async () => {
    expect(await ids(client(server), { Owners: ['self'], IncludeDisabled: true })).toContain(IDS.selfDisabled);
    expect(await ids(client(server), { Owners: ['self'] })).not.toContain(IDS.selfDisabled);
  });

  test('when another account\'s disabled image is shared with the caller then it stays invisible', async () => {
    expect(await ids(client(server), { IncludeDisabled: true, IncludeDeprecated: true })).not.toContain(IDS.otherDisabled);
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: [IDS.otherDisabled], IncludeDisabled: true })));
    expect([e.name, e.status]).toEqual(['InvalidAMIID.NotFound', 400]);
  });

  test('when the owner asks for its disabled image by ID then it needs IncludeDisabled', async () => {
    expect(await ids(client(server), { ImageIds: [IDS.selfDisabled], IncludeDisabled: true })).toEqual([IDS.selfDisabled]);
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: [IDS.selfDisabled] })));
    expect(e.name).toBe('InvalidAMIID.NotFound');
  });
});

describe('ImageId.N', () => {
  test('when ImageIds and Filters are combined then both apply', async () => {
    expect(await ids(client(server), { ImageIds: [IDS.al2023x86, IDS.al2023arm], Filters: [{ Name: 'architecture', Values: ['arm64'] }] }))
      .toEqual([IDS.al2023arm]);
  });

  test('when ImageIds and Owners are combined then both apply', async () => {
    expect(await ids(client(server), { ImageIds: [IDS.al2023x86, IDS.ubuntuNoble], Owners: ['amazon'] })).toEqual([IDS.al2023x86]);
  });

  test('when an ID is unknown then InvalidAMIID.NotFound carries the bracketed ID', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: [IDS.al2023x86, 'ami-0000000000000ffff'] })));
    expect([e.name, e.status, e.message]).toEqual(['InvalidAMIID.NotFound', 400, "The image id '[ami-0000000000000ffff]' does not exist"]);
  });

  test('when several IDs are unknown then all are listed (default policy) or only the first', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: ['ami-0000000000000fff1', 'ami-0000000000000fff2'] })));
    expect(e.message).toBe("The image id '[ami-0000000000000fff1, ami-0000000000000fff2]' does not exist");
    const first = await startFixtureServer({ policy: { notFoundIds: 'first' } });
    try {
      const f = await errorOf(client(first).send(new DescribeImagesCommand({ ImageIds: ['ami-0000000000000fff1', 'ami-0000000000000fff2'] })));
      expect(f.message).toBe("The image id '[ami-0000000000000fff1]' does not exist");
    } finally {
      await first.close();
    }
  });

  test('when an ID is another account\'s unshared private image then it is not found', async () => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: [IDS.otherPrivate] })));
    expect([e.name, e.status]).toEqual(['InvalidAMIID.NotFound', 400]);
  });

  test.each(['ami-xyz', 'ami-0000000000000000G', 'i-0123456789abcdef0', 'AMI-00000001'])('when the ID %s is malformed then InvalidAMIID.Malformed is returned', async (bad) => {
    const e = await errorOf(client(server).send(new DescribeImagesCommand({ ImageIds: [bad] })));
    expect([e.name, e.status, e.message]).toEqual(['InvalidAMIID.Malformed', 400, `Invalid id: "${bad}" (expecting "ami-...")`]);
  });

  test('when the same ID is given twice then it comes back once', async () => {
    expect(await ids(client(server), { ImageIds: [IDS.windows, IDS.windows] })).toEqual([IDS.windows]);
  });
});

describe('regions', () => {
  test('when the client region is eu-west-1 then only that region\'s images and IDs exist', async () => {
    const eu = client(server, 'eu-west-1');
    expect(await ids(eu)).toEqual(sorted(EU_IDS.al2023x86, EU_IDS.selfPrivate));
    const e = await errorOf(eu.send(new DescribeImagesCommand({ ImageIds: [IDS.al2023x86] })));
    expect(e.name).toBe('InvalidAMIID.NotFound');
  });

  test('when the region is opted in but empty then the answer is an empty list', async () => {
    expect(await ids(client(server, 'me-south-1'))).toEqual([]);
  });
});
