import { generateCatalogue, iterateCatalogueImages, minimumImages } from './index.js';

const NOW = new Date('2026-11-27T00:00:00Z');

describe('generateCatalogue', () => {
  it('when called twice with the same seed and now then the catalogues are identical', () => {
    const a = generateCatalogue({ images: 2000, seed: 'x', now: NOW });
    const b = generateCatalogue({ images: 2000, seed: 'x', now: NOW });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('when the seed changes then image IDs change', () => {
    const a = generateCatalogue({ images: 2000, seed: 1, now: NOW });
    const b = generateCatalogue({ images: 2000, seed: 2, now: NOW });
    const ids = new Set(a.images.map((i) => i.ImageId));
    expect(b.images.filter((i) => ids.has(i.ImageId))).toHaveLength(0);
  });

  it.each([700, 5000, 23_457])('when %i images are asked for then exactly that many are made', (n) => {
    expect(generateCatalogue({ images: n, now: NOW }).images).toHaveLength(n);
  });

  it('when no count is given then 5000 images over the three default regions are made', () => {
    const c = generateCatalogue({ now: NOW });
    expect(c.images).toHaveLength(5000);
    expect([...new Set(c.images.map((i) => i.Region))].sort()).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
  });

  it('when fewer images than the minimum are asked for then a RangeError names the minimum', () => {
    const min = minimumImages({ now: NOW });
    expect(() => generateCatalogue({ images: min - 1, now: NOW })).toThrow(RangeError);
    expect(() => generateCatalogue({ images: min - 1, now: NOW })).toThrow(String(min));
    expect(generateCatalogue({ images: min, now: NOW }).images).toHaveLength(min);
  });

  it('when one region is asked for then every image lives there and the minimum is smaller', () => {
    const c = generateCatalogue({ images: 1000, regions: ['eu-central-1'], now: NOW });
    expect(new Set(c.images.map((i) => i.Region))).toEqual(new Set(['eu-central-1']));
    expect(minimumImages({ regions: ['eu-central-1'], now: NOW })).toBeLessThan(minimumImages({ now: NOW }));
  });

  it('when regions repeat then a RangeError is thrown', () => {
    expect(() => generateCatalogue({ regions: ['us-east-1', 'us-east-1'], now: NOW })).toThrow(RangeError);
  });

  it('when iterated lazily then the same images come out in the same order', () => {
    const eager = generateCatalogue({ images: 1500, seed: 's', now: NOW }).images;
    const lazy = [...iterateCatalogueImages({ images: 1500, seed: 's', now: NOW })];
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it('when no date is given then creation dates end before today and span about three years', () => {
    const c = generateCatalogue({ images: 3000, seed: 'd' });
    const today = new Date();
    // Lines marked `old` (Amazon Linux AMI oldies, pv-grub kernels, initrd ramdisks, Fedora 8) predate the three years.
    const dates = c.images.filter((i) => !/^(amzn-ami-|pv-grub-|initrd-|fedora-8-)/.test(i.Name!)).map((i) => Date.parse(i.CreationDate!));
    expect(Math.max(...dates)).toBeLessThanOrEqual(today.getTime());
    expect(Math.min(...dates)).toBeGreaterThan(today.getTime() - 1100 * 86_400_000);
    expect(Math.max(...dates)).toBeGreaterThan(today.getTime() - 7 * 86_400_000);
  });
});

describe('rare members and values', () => {
  const c = generateCatalogue({ now: NOW });
  const some = (pred: (i: (typeof c.images)[number]) => boolean) => c.images.filter(pred).length;
  const ebs = (i: (typeof c.images)[number]) => (i.BlockDeviceMappings ?? []).map((m) => m.Ebs).filter((e) => e !== undefined);

  it.each(['io1', 'io2', 'st1', 'sc1'])('when the default catalogue is made then some images carry a %s volume', (type) => {
    expect(some((i) => ebs(i).some((e) => e!.VolumeType === type))).toBeGreaterThan(0);
  });

  it('when the default catalogue is made then deregistration protection takes all three real values, only on account images', () => {
    const values = new Set(c.images.map((i) => i.DeregistrationProtection));
    expect([...values].sort()).toEqual(['disabled', 'enabled-with-cooldown', 'enabled-without-cooldown']);
    const protectedOwners = new Set(c.images.filter((i) => i.DeregistrationProtection !== 'disabled').map((i) => i.ImageOwnerAlias ?? 'account'));
    expect([...protectedOwners].every((a) => a === 'account' || a === 'aws-backup-vault')).toBe(true);
  });

  it('when the default catalogue is made then scan results, instance type lists, watermarks, Outpost volumes and NoDevice mappings occur', () => {
    expect(some((i) => i.ScanResults?.HighestFindingSeverityLabel !== undefined)).toBeGreaterThan(0);
    expect(some((i) => (i.InstanceTypeSpecification?.SupportedInstanceTypes?.length ?? 0) > 0)).toBeGreaterThan(0);
    expect(some((i) => (i.ImageWatermarks?.length ?? 0) > 0 && i.ImageWatermarks![0]!.SourceImageId === i.SourceImageId)).toBeGreaterThan(0);
    expect(some((i) => ebs(i).some((e) => e!.OutpostArn?.startsWith('arn:aws:outposts:') === true))).toBeGreaterThan(0);
    expect(some((i) => (i.BlockDeviceMappings ?? []).some((m) => m.NoDevice === ''))).toBeGreaterThan(0);
    expect(some((i) => i.BootMode === 'legacy-bios')).toBeGreaterThan(0);
    expect(some((i) => i.ProductCodes?.[0]?.ProductCodeType === 'devpay')).toBeGreaterThan(0);
  });

  it('when deprecation times are set then they are on whole minutes, as EC2 rounds them (botocore Image.DeprecationTime)', () => {
    const times = c.images.map((i) => i.DeprecationTime).filter((t): t is string => t !== undefined);
    expect(times.length).toBeGreaterThan(100);
    expect(times.filter((t) => Date.parse(t) % 60_000 !== 0)).toEqual([]);
  });

  it('when rare members are added then image counts per state and owner stay those of the lines', () => {
    expect(c.images).toHaveLength(5000);
    // The unusual states come from their own small line (catalogue/naming/rare-lines.ts), one image each.
    expect(new Set(c.images.map((i) => i.State))).toEqual(new Set(['available', 'disabled', 'pending', 'failed', 'error', 'invalid', 'transient']));
    expect(c.images.filter((i) => !['available', 'disabled'].includes(i.State!))).toHaveLength(5);
  });

  it('when a build never became available then it carries no scan results, extra volumes or protection (rare-fields policy)', () => {
    const unusual = Array.from({ length: 12 }, (_, n) => generateCatalogue({ images: minimumImages({ now: NOW }), seed: `unusual-${n}`, now: NOW }))
      .flatMap((cat) => cat.images.filter((i) => !['available', 'disabled'].includes(i.State!)));
    expect(unusual).toHaveLength(60);
    expect(unusual.filter((i) => i.ScanResults || i.InstanceTypeSpecification || i.DeregistrationProtection !== 'disabled'
      || (i.BlockDeviceMappings ?? []).length !== 1 || i.BootMode === 'legacy-bios')).toEqual([]);
  });
});
