import { generateCatalogue, OFFICIAL_OWNER_IDS, PUBLISHERS } from './index.js';
import type { CatalogueImage } from './index.js';
import { OTHER_ACCOUNT, SELF_ACCOUNT } from '../../support/accounts.js';

const NOW = new Date('2026-11-27T00:00:00Z');
const DAY = 86_400_000;
const { images } = generateCatalogue({ images: 20_000, seed: 'invariants', now: NOW });
const byOwner = (o: string): CatalogueImage[] => images.filter((i) => i.OwnerId === o);
/** EC2 wildcard (`*` only) to RegExp, for checking name patterns the way the endpoint will. */
const glob = (p: string): RegExp => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

describe('catalogue invariants', () => {
  it('when generated then image and snapshot IDs are well formed and unique', () => {
    const ids = images.map((i) => i.ImageId!);
    // Kernel and ramdisk images have aki-/ari- IDs (catalogue/naming/rare-lines.ts).
    const prefix = { machine: 'ami', kernel: 'aki', ramdisk: 'ari' } as const;
    expect(images.filter((i) => !new RegExp(`^${prefix[i.ImageType!]}-[0-9a-f]{17}$`).test(i.ImageId!))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const snaps = images.flatMap((i) => i.BlockDeviceMappings!.map((b) => b.Ebs?.SnapshotId)).filter(Boolean) as string[];
    expect(snaps.every((s) => /^snap-[0-9a-f]{17}$/.test(s))).toBe(true);
    expect(new Set(snaps).size).toBe(snaps.length);
  });

  it('when generated then names are unique per owner per region (EC2 enforces this)', () => {
    const keys = images.map((i) => `${i.Region}|${i.OwnerId}|${i.Name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('when an official image is published then every region has its own ID for the same name', () => {
    const noble = images.filter((i) => i.OwnerId === PUBLISHERS.canonical.ownerId && i.Name!.startsWith('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-'));
    const names = new Set(noble.map((i) => i.Name));
    expect(names.size).toBeGreaterThan(2);
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1']) {
      expect(new Set(noble.filter((i) => i.Region === region).map((i) => i.Name))).toEqual(names);
    }
  });

  it('when an image is a copy then SourceImageId names the same image in SourceImageRegion', () => {
    const index = new Map(images.map((i) => [i.ImageId, i]));
    const copies = images.filter((i) => i.SourceImageId);
    expect(copies.length).toBeGreaterThan(100);
    for (const c of copies) {
      const src = index.get(c.SourceImageId)!;
      expect([src.Region, src.Name, src.OwnerId]).toEqual([c.SourceImageRegion, c.Name, c.OwnerId]);
    }
  });

  it('when an official name is reused then the look-alike is never under an official owner', () => {
    const official = new Map(images.filter((i) => OFFICIAL_OWNER_IDS.includes(i.OwnerId!)).map((i) => [i.Name, i.OwnerId]));
    const lookalikes = images.filter((i) => official.has(i.Name) && official.get(i.Name) !== i.OwnerId);
    expect(lookalikes.some((i) => i.ImageOwnerAlias === 'aws-marketplace')).toBe(true);
    expect(lookalikes.some((i) => i.ImageOwnerAlias === undefined && i.Public)).toBe(true);
    expect(lookalikes.filter((i) => OFFICIAL_OWNER_IDS.includes(i.OwnerId!))).toEqual([]);
  });

  it('when an image is under aws-marketplace then it carries a marketplace product code', () => {
    const mp = images.filter((i) => i.ImageOwnerAlias === 'aws-marketplace');
    expect(mp.length).toBeGreaterThan(0);
    expect(mp.every((i) => i.ProductCodes?.[0]?.ProductCodeType === 'marketplace')).toBe(true);
  });

  it('when filtering Canonical names with ubuntu* then daily, minimal and pro look-alikes escape the anchored pattern', () => {
    const anchored = glob('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*');
    const canonical = byOwner(PUBLISHERS.canonical.ownerId).filter((i) => glob('ubuntu*noble*amd64*').test(i.Name!));
    const outside = canonical.filter((i) => !anchored.test(i.Name!)).map((i) => i.Name!.split('/')[0] + '/' + i.Name!.split('/')[1]);
    expect(new Set(outside)).toEqual(new Set(['ubuntu/images-testing', 'ubuntu-minimal/images', 'ubuntu-pro-server/images']));
  });

  it('when filtering al2023-ami-* then minimal and ECS images match too, and only 137112412989 is AL2023 proper', () => {
    const all = images.filter((i) => glob('al2023-ami-*').test(i.Name!) && i.ImageOwnerAlias === 'amazon');
    expect(new Set(all.map((i) => i.OwnerId))).toEqual(new Set(['137112412989', '591542846629']));
    expect(all.some((i) => i.Name!.startsWith('al2023-ami-minimal-'))).toBe(true);
    expect(images.some((i) => /^al2023-ami-2023\.\d+\.\d{8}\.\d+-kernel-6\.12-arm64$/.test(i.Name!))).toBe(true);
  });

  it('when AL2023 images are public then they deprecate 90 days after creation, others after two years', () => {
    // Counted from the home-region copy, so every region shows the same DeprecationTime.
    const home = new Map(images.filter((i) => i.Region === 'us-east-1').map((i) => [`${i.OwnerId}|${i.Name}`, i]));
    for (const i of images.filter((x) => x.Public && x.DeprecationTime).slice(0, 5000)) {
      const h = home.get(`${i.OwnerId}|${i.Name}`) ?? i;
      expect(i.DeprecationTime).toBe(h.DeprecationTime);
      const days = i.Name!.startsWith('al2023-ami-') && i.OwnerId === '137112412989' ? 90 : i.Name!.includes('images-testing') ? 30 : 730;
      // EC2 rounds DeprecationTime to the nearest minute (botocore Image.DeprecationTime).
      expect(Date.parse(i.DeprecationTime!)).toBe(Math.round((Date.parse(h.CreationDate!) + days * DAY) / 60_000) * 60_000);
    }
    const dep = images.filter((i) => i.DeprecationTime).map((i) => Date.parse(i.DeprecationTime!) < NOW.getTime());
    expect(dep).toContain(true);
    expect(dep).toContain(false);
  });

  it('when SUSE publishes SP6 rebuilds then the newest SP6 is newer than the newest SP7', () => {
    const newest = (sp: string): string => images
      .filter((i) => i.OwnerId === PUBLISHERS.suse.ownerId && i.Name!.startsWith(`suse-sles-15-${sp}-v`)).map((i) => i.CreationDate!).sort().pop()!;
    expect(newest('sp6') > newest('sp7')).toBe(true);
  });

  it('when a line has an SSM parameter then exactly one image per region and parameter carries it, the newest', () => {
    const withSsm = images.filter((i) => i.PublicSsmParameterName);
    const keys = withSsm.map((i) => `${i.Region}|${i.PublicSsmParameterName}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(withSsm.map((i) => i.PublicSsmParameterName)).toContain('/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id');
    const al = withSsm.find((i) => i.PublicSsmParameterName === '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' && i.Region === 'us-east-1')!;
    const sameLine = images.filter((i) => i.Region === 'us-east-1' && /^al2023-ami-2023.*-kernel-6\.1-x86_64$/.test(i.Name!) && i.OwnerId === '137112412989');
    expect(al.CreationDate).toBe(sameLine.map((i) => i.CreationDate!).sort().pop());
  });

  it('when Windows images are listed then they are Platform windows under alias amazon', () => {
    const win = byOwner(PUBLISHERS.windows.ownerId);
    expect(win.length).toBeGreaterThan(0);
    expect(win.every((i) => (i.Platform as string) === 'windows' && i.ImageOwnerAlias === 'amazon' && i.PlatformDetails!.startsWith('Windows'))).toBe(true);
    expect(images.filter((i) => i.Platform).every((i) => i.OwnerId === PUBLISHERS.windows.ownerId)).toBe(true);
  });

  it('when the self account owns images then they are private, tagged, some shared, disabled or deprecated', () => {
    const mine = byOwner(SELF_ACCOUNT);
    expect(mine.every((i) => !i.Public)).toBe(true);
    expect(mine.every((i) => ['team', 'env', 'app'].every((k) => i.Tags!.some((t) => t.Key === k)))).toBe(true);
    expect(mine.some((i) => i.LaunchPermissionUserIds?.includes(OTHER_ACCOUNT))).toBe(true);
    expect(mine.some((i) => i.State === 'disabled')).toBe(true);
    expect(mine.some((i) => i.DeprecationTime && Date.parse(i.DeprecationTime) < NOW.getTime())).toBe(true);
    expect(mine.some((i) => i.BlockDeviceMappings![0]!.Ebs!.Encrypted)).toBe(true);
  });

  it('when the other account owns images then some are shared with self, some org-shared, some not shared', () => {
    const theirs = byOwner(OTHER_ACCOUNT);
    expect(theirs.some((i) => i.LaunchPermissionUserIds?.includes(SELF_ACCOUNT))).toBe(true);
    expect(theirs.some((i) => i.LaunchPermissionOrgShared)).toBe(true);
    expect(theirs.some((i) => !i.LaunchPermissionUserIds && !i.LaunchPermissionOrgShared)).toBe(true);
  });

  it('when backup-vault images exist then they are private and restorable by self', () => {
    const vault = images.filter((i) => i.ImageOwnerAlias === 'aws-backup-vault');
    expect(vault.length).toBeGreaterThan(0);
    expect(vault.every((i) => !i.Public && i.LaunchPermissionUserIds?.includes(SELF_ACCOUNT))).toBe(true);
  });

  it('when strings are generated then some carry XML-hostile characters and non-ASCII text', () => {
    const strings = images.flatMap((i) => [i.Name!, i.Description!, ...(i.Tags ?? []).flatMap((t) => [t.Key!, t.Value!])]);
    for (const ch of ['&', '<', '>', '"', "'"]) expect(strings.some((s) => s.includes(ch))).toBe(true);
    expect(strings.some((s) => /[^\x00-\x7f]/.test(s))).toBe(true);
  });

  it('when old images exist then i386, paravirtual and instance-store ones are among them', () => {
    expect(images.some((i) => i.Architecture === 'i386')).toBe(true);
    const pv = images.filter((i) => i.VirtualizationType === 'paravirtual');
    expect(pv.length).toBeGreaterThan(0);
    // KernelId is "Only applicable for machine images" (botocore Image.KernelId): kernels and ramdisks have none.
    expect(pv.every((i) => (i.ImageType === 'machine' ? i.KernelId?.startsWith('aki-') : i.KernelId === undefined))).toBe(true);
    expect(pv.some((i) => i.RamdiskId?.startsWith('ari-'))).toBe(true);
    const store = images.filter((i) => i.RootDeviceType === 'instance-store');
    expect(store.length).toBeGreaterThan(0);
    expect(store.every((i) => i.BlockDeviceMappings!.every((b) => b.VirtualName?.startsWith('ephemeral')))).toBe(true);
  });

  it('when the publishers are counted then every publisher of the domain notes is present in both architectures', () => {
    for (const p of Object.values(PUBLISHERS)) {
      const arches = new Set(byOwner(p.ownerId).map((i) => i.Architecture));
      expect([p.label, arches.has('x86_64')]).toEqual([p.label, true]);
    }
    expect(byOwner(PUBLISHERS.alma.ownerId).every((i) => i.Name!.includes(' '))).toBe(true);
    expect(new Set(images.map((i) => i.Architecture))).toEqual(new Set(['x86_64', 'arm64', 'i386', 'x86_64_mac', 'arm64_mac']));
  });
});
