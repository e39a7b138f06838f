/**
 * Members and values real images carry that the lines do not model, with low, fixed frequencies,
 * so every DescribeImages filter on them can match something (member names and enums from botocore's
 * Image, BlockDeviceMapping and EbsBlockDevice shapes; the JS SDK model for watermarks, scan results
 * and instance type specifications). Draws are hashed from the image ID, never from a line's stream,
 * so the rest of the catalogue is the same as without them, and image counts do not change: nothing
 * here changes an image's state, owner, visibility or dates (except rounding, below).
 */
import type { BlockDeviceMapping, VolumeType, _InstanceType } from '@aws-sdk/client-ec2';
import type { CatalogueImage } from '../types.js';
import { fmix32, hash32 } from './rng.js';

/** Line kinds whose images belong to ordinary accounts (self, partners, vaults), not to publishers. */
const ACCOUNT_KINDS = new Set(['self', 'other', 'backup']);

/** Shares of account images (per image, independent draws). */
export const RARE_SHARES = {
  protectionWithCooldown: 0.1,
  protectionWithoutCooldown: 0.05,
  extraVolume: 0.12,
  noDevice: 0.05,
  scanResults: 0.2,
  instanceTypes: 0.06,
  outpost: 0.02,
  watermark: 0.25,
  legacyBios: 0.05,
  devpay: 0.04,
} as const;

/** Data volumes of the types the lines never use (botocore VolumeType), with sizes each type allows. */
const EXTRA_VOLUMES: ReadonlyArray<{ type: VolumeType; size: number; iops?: number }> = [
  { type: 'io1', size: 100, iops: 3000 },
  { type: 'io2', size: 200, iops: 6000 },
  { type: 'st1', size: 500 },
  { type: 'sc1', size: 1000 },
];

const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
const SUPPORTED = [['m7i.large', 'c7i.xlarge'], ['m7g.large', 'c7g.xlarge', 'r7g.large'], ['g5.xlarge']];

/**
 * DeprecationTime as EC2 stores it: "If you specify a value for seconds, Amazon EC2 rounds the seconds
 * to the nearest minute" (botocore Image.DeprecationTime).
 */
export function roundDeprecation(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const rounded = Math.round(ms / 60_000) * 60_000;
  return rounded === ms ? iso : new Date(rounded).toISOString();
}

/** A stream of [0, 1) draws keyed by the image ID and the catalogue seed. */
function draws(key: string): () => number {
  let h = hash32(key);
  return () => {
    h = fmix32((h + 0x9e3779b9) >>> 0);
    return h / 4294967296;
  };
}

/** Adds the rare members to `img` (a record of a line of kind `kind`). */
export function addRareFields(img: CatalogueImage, kind: string, seed: string): void {
  if (img.DeprecationTime !== undefined) img.DeprecationTime = roundDeprecation(img.DeprecationTime);
  if (!ACCOUNT_KINDS.has(kind)) return;
  // Builds that never became available (naming/rare-lines.ts) carry none of these: a policy.
  if (img.State !== 'available' && img.State !== 'disabled') return;
  const u = draws(`${seed}/rare/${img.ImageId ?? ''}`);
  const p = u();
  // Only the owner turns deregistration protection on (EnableImageDeregistrationProtection, WithCooldown).
  if (img.DeregistrationProtection !== 'disabled') { /* set by the line */ } else if (p < RARE_SHARES.protectionWithCooldown) img.DeregistrationProtection = 'enabled-with-cooldown';
  else if (p < RARE_SHARES.protectionWithCooldown + RARE_SHARES.protectionWithoutCooldown) img.DeregistrationProtection = 'enabled-without-cooldown';
  const ebs = img.RootDeviceType === 'ebs';
  const extra: BlockDeviceMapping[] = [];
  if (ebs && u() < RARE_SHARES.extraVolume) {
    const v = EXTRA_VOLUMES[Math.floor(u() * EXTRA_VOLUMES.length)]!;
    extra.push({ DeviceName: '/dev/sdf', Ebs: {
      DeleteOnTermination: false, SnapshotId: `snap-${(img.ImageId ?? '').slice(4)}f`.slice(0, 22), VolumeSize: v.size, VolumeType: v.type,
      Encrypted: true, ...(v.iops === undefined ? {} : { Iops: v.iops }),
    } });
  } else u();
  if (u() < RARE_SHARES.noDevice) extra.push({ DeviceName: '/dev/sdg', NoDevice: '' });
  if (ebs && u() < RARE_SHARES.outpost && img.BlockDeviceMappings?.[0]?.Ebs !== undefined) {
    const [root, ...rest] = img.BlockDeviceMappings;
    const account = img.OwnerId ?? '';
    img.BlockDeviceMappings = [{ ...root, Ebs: { ...root!.Ebs, OutpostArn: `arn:aws:outposts:${img.Region}:${account}:outpost/op-0${(img.ImageId ?? '').slice(5, 21)}` } }, ...rest];
  } else u();
  if (extra.length > 0) img.BlockDeviceMappings = [...(img.BlockDeviceMappings ?? []), ...extra];
  const created = Date.parse(img.CreationDate ?? '');
  if (u() < RARE_SHARES.scanResults && !Number.isNaN(created)) {
    const severity = SEVERITIES[Math.floor(u() * SEVERITIES.length)]!;
    const at = (days: number) => new Date(created + days * 86_400_000);
    img.ScanResults = { HighestFindingSeverityLabel: severity, FindingScanDate: at(1) };
    const level = SEVERITIES.indexOf(severity);
    const since = {
      InformationalFixAvailableSince: 0, LowFixAvailableSince: 1, MediumFixAvailableSince: 2, HighFixAvailableSince: 3, CriticalFixAvailableSince: 4,
    } as const;
    for (const [k, l] of Object.entries(since)) if (l <= level) (img.ScanResults as Record<string, unknown>)[k] = at(1);
  } else u();
  if (u() < RARE_SHARES.instanceTypes) {
    const list = SUPPORTED[img.Architecture === 'arm64' ? 1 : Math.floor(u() * 2) === 0 ? 0 : 2]!;
    img.InstanceTypeSpecification = {
      SupportedInstanceTypes: list.map((t) => ({ InstanceType: t as _InstanceType })),
      UnsupportedInstanceTypes: [{ InstanceType: 't2.micro' }],
    };
  } else u();
  // Imported and older x86 images state legacy BIOS explicitly (botocore BootModeValues).
  if (img.Architecture === 'x86_64' && img.BootMode !== 'uefi' && u() < RARE_SHARES.legacyBios) img.BootMode = 'legacy-bios';
  // DevPay codes survive on old partner images (botocore ProductCodeValues: devpay, marketplace).
  if (kind === 'other' && img.ProductCodes === undefined && u() < RARE_SHARES.devpay) {
    img.ProductCodes = [{ ProductCodeId: `${(img.ImageId ?? '').slice(4, 12)}devpay`.slice(0, 25), ProductCodeType: 'devpay' }];
  }
  if (img.SourceImageId !== undefined && img.SourceImageRegion !== undefined && u() < RARE_SHARES.watermark && !Number.isNaN(created)) {
    img.ImageWatermarks = [{
      WatermarkKey: `wm-${(img.SourceImageId).slice(4, 12)}`, SourceImageRegion: img.SourceImageRegion, SourceImageId: img.SourceImageId,
      SourceImageCreationTime: new Date(created - 97_000), WatermarkCreationTime: new Date(created),
    }];
  }
}
