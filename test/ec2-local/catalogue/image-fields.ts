/** Builds one region's record of a logical image, with every field EC2 would show. */
import type { BlockDeviceMapping, EbsBlockDevice, Image } from '@aws-sdk/client-ec2';
import type { CatalogueImage } from '../types.js';
import type { Arch, BuildVars, Line, Traits } from './line.js';
import { DAY_MS, isoSeconds } from './dates.js';

/** Shared, frozen ephemeral mappings (the same objects are reused by every image). */
const EPHEMERAL: readonly BlockDeviceMapping[] = Object.freeze(
  ['b', 'c', 'd', 'e'].map((d, i) => Object.freeze({ DeviceName: `/dev/sd${d}`, VirtualName: `ephemeral${i}` })),
);
/** Frozen mapping lists of 0..4 ephemeral volumes, shared by instance-store images. */
const EPHEMERAL_SETS = [0, 1, 2, 3, 4].map((n) => Object.freeze(EPHEMERAL.slice(0, n)));

// pv-grub kernels used by paravirtual Amazon Linux AMIs (hd0 variants).
const PV_KERNEL: Partial<Record<Arch, string>> = { x86_64: 'aki-919dcaf8', i386: 'aki-8f9dcae6' };

/** One logical image as the generator hands it to `buildRecord`. */
export interface Logical {
  line: Line;
  v: BuildVars;
  traits: Traits;
  name: string;
  description: string;
  location: string;
  productCodes?: Image['ProductCodes'];
  ssm?: string;
  /** Parameters the build was ever the value of (every build of a line with a parameter). */
  ssmHistory?: readonly string[];
  /** DeprecationTime, the same in every region (counted from the home-region creation). */
  deprecation?: string;
}

/** DeprecationTime of a line's build created at `createdMs` (public default: two years). */
export function deprecationOf(line: Line, createdMs: number): string | undefined {
  const days = line.deprecateDays ?? (line.public ? 730 : 0);
  return days > 0 ? isoSeconds(createdMs + days * DAY_MS) : undefined;
}

/** The record of `l` in `region`; `sourceId` is the home-region ID for copies. */
export function buildRecord(
  l: Logical, region: string, imageId: string, snapshotId: string, createdMs: number,
  sourceId: string | undefined, homeRegion: string,
): CatalogueImage {
  const { line, v, traits: t } = l;
  const instanceStore = t.rootType === 'instance-store';
  const img: CatalogueImage = {
    Region: region,
    ImageId: imageId,
    ImageLocation: l.location,
    State: 'available',
    OwnerId: typeof line.owner === 'string' ? line.owner : '',
    CreationDate: isoSeconds(createdMs),
    Public: line.public,
    Architecture: v.arch,
    ImageType: 'machine',
    Name: l.name,
    Description: l.description,
    RootDeviceType: instanceStore ? 'instance-store' : 'ebs',
    RootDeviceName: t.rootDevice,
    BlockDeviceMappings: mappings(t, snapshotId),
    VirtualizationType: t.virtualization ?? 'hvm',
    Hypervisor: 'xen',
    EnaSupport: t.ena ?? false,
    PlatformDetails: t.platformDetails,
    UsageOperation: t.usageOperation,
    DeregistrationProtection: 'disabled',
    FreeTierEligible: t.freeTier ?? false,
  };
  if (line.alias) img.ImageOwnerAlias = line.alias;
  // The model's enum says 'Windows' but EC2 sends 'windows' (DescribeImages Platform doc, contract 2.2).
  if (t.windows) img.Platform = 'windows' as Image['Platform'];
  if (t.virtualization === 'paravirtual') img.KernelId = PV_KERNEL[v.arch] ?? '';
  if (t.sriov) img.SriovNetSupport = 'simple';
  const boot = t.bootMode?.[v.arch];
  if (boot) img.BootMode = boot;
  if (t.tpm) img.TpmSupport = 'v2.0';
  if (t.imdsV2) img.ImdsSupport = 'v2.0';
  if (l.deprecation) img.DeprecationTime = l.deprecation;
  if (l.productCodes) img.ProductCodes = l.productCodes;
  if (l.ssm) img.PublicSsmParameterName = l.ssm;
  if (l.ssmHistory) img.PublicSsmParameterHistory = l.ssmHistory;
  if (sourceId) {
    img.SourceImageId = sourceId;
    img.SourceImageRegion = homeRegion;
  }
  return img;
}

function mappings(t: Traits, snapshotId: string): BlockDeviceMapping[] {
  const eph = t.ephemeral ?? 0;
  if (t.rootType === 'instance-store') return EPHEMERAL_SETS[eph] as BlockDeviceMapping[];
  const ebs: EbsBlockDevice = t.volumeType === 'gp3'
    ? { DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: t.volumeSize, VolumeType: 'gp3', Encrypted: false, Iops: 3000, Throughput: 125 }
    : { DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: t.volumeSize, VolumeType: t.volumeType, Encrypted: false };
  const root: BlockDeviceMapping = { DeviceName: t.rootDevice, Ebs: ebs };
  const out = [root];
  for (let i = 0; i < eph; i++) out.push(EPHEMERAL[i]!);
  return out;
}
