/**
 * Small lines for states, image types and architectures real accounts and publishers have but the
 * main lines never make: the caller's images in `pending`, `failed`, `error`, `invalid` and `transient`
 * states (with `StateReason` where a build failed), Amazon's pv-grub kernel (`aki-`) and ramdisk
 * (`ari-`) images, old paravirtual images booting a kernel and a ramdisk, and macOS images
 * (`x86_64_mac`, `arm64_mac`). Enums are botocore's (ImageState, ImageTypeValues, ArchitectureValues);
 * names, counts and reasons per state are policies (README "Catalogue"). Every line is `fromFiller`
 * with a fixed build count, so adding them changes no other line's build count.
 */
import type { BuildVars, Line, Traits } from '../line.js';
import type { CatalogueImage } from '../../types.js';
import { LINUX_GP2, LINUX_GP3 } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';
import { SELF_ACCOUNT } from '../../../support/accounts.js';
import { randomHex } from '../rng.js';

const AMZN = PUBLISHERS.amazon;

/**
 * The states of the caller's unusual images, oldest build first (the newest is still `pending`), and
 * the StateReason each carries. Codes and texts are botocore StateReason.Message's list, written
 * as "code: text" like instance state reasons; that format on images is UNVERIFIED (a policy).
 */
export const UNUSUAL_STATES: ReadonlyArray<{ state: NonNullable<CatalogueImage['State']>; reason?: { Code: string; Message: string } }> = [
  { state: 'failed', reason: { Code: 'Client.InstanceTerminated', Message: 'Client.InstanceTerminated: The instance was terminated or rebooted during AMI creation.' } },
  { state: 'invalid', reason: { Code: 'Client.InvalidSnapshot.NotFound', Message: 'Client.InvalidSnapshot.NotFound: The specified snapshot was not found.' } },
  { state: 'error', reason: { Code: 'Server.InternalError', Message: 'Server.InternalError: An internal error caused the instance to terminate during launch.' } },
  { state: 'transient' },
  { state: 'pending' },
];

/** The caller's builds that never became available (one per state, newest still pending). */
const selfUnusual: Line = {
  key: 'self-unusual-states',
  kind: 'self',
  owner: SELF_ACCOUNT,
  public: false,
  weight: 0,
  min: UNUSUAL_STATES.length,
  cap: UNUSUAL_STATES.length,
  fromFiller: true,
  window: [40, 0],
  arches: ['x86_64'],
  scope: 'one',
  name: (v) => `app-build-${v.ymd}-${v.k}-${randomHex(v.rng, 6)}`,
  description: (v) => `Packer build ${v.k} of the app image (unfinished)`,
  traits: LINUX_GP3,
  deprecateDays: 0,
  decorate: (img: CatalogueImage, v: BuildVars) => {
    const { state, reason } = UNUSUAL_STATES[v.k % UNUSUAL_STATES.length]!;
    img.State = state;
    if (reason) img.StateReason = { ...reason };
    img.Tags = [{ Key: 'team', Value: 'platform' }, { Key: 'env', Value: 'dev' }, { Key: 'app', Value: 'api' }, { Key: 'Name', Value: img.Name! }];
    img.SourceInstanceId = `i-0${randomHex(v.rng, 16)}`;
  },
};

/**
 * Amazon's public one-off lines, built from the filler's records (the fields the rare Amazon lines
 * share; each adds its own key, counts, window, arches, names and traits).
 */
const AMAZON_RARE = {
  kind: 'official',
  owner: AMZN.ownerId,
  alias: AMZN.alias,
  public: true,
  weight: 0,
  fromFiller: true,
} as const;

/** The S3 manifest an instance-store image was registered from. */
function s3Manifest(img: CatalogueImage): void {
  img.ImageLocation = `ec2-public-images/${img.Name}.manifest.xml`;
}

/**
 * A pv-grub kernel or an initrd ramdisk: instance-store (registered from an S3 manifest),
 * paravirtual, no mappings, no kernel of its own, no description.
 */
function bootImage(type: 'kernel' | 'ramdisk') {
  return (img: CatalogueImage): void => {
    s3Manifest(img);
    delete img.Description;
    img.ImageId = `${type === 'kernel' ? 'aki' : 'ari'}-${img.ImageId!.slice(4)}`;
    img.ImageType = type;
    img.BlockDeviceMappings = [];
    delete img.RootDeviceName;
    delete img.KernelId;
    delete img.BootMode;
  };
}

const PV_S3: Traits = {
  ...LINUX_GP2, virtualization: 'paravirtual', rootType: 'instance-store', rootDevice: '/dev/sda1',
  ena: false, sriov: false, bootMode: {},
};

/** Amazon's pv-grub kernels (the `aki-` images paravirtual AMIs boot through). */
const pvGrub: Line = {
  ...AMAZON_RARE,
  key: 'pv-grub-kernels',
  min: 1,
  cap: 1,
  old: true,
  window: ['2011-06-01', '2011-07-01'],
  arches: ['x86_64', 'i386'],
  scope: 'one',
  name: (v) => `pv-grub-hd0_1.03-${v.arch}.gz`,
  description: () => '',
  traits: PV_S3,
  deprecateDays: 0,
  decorate: bootImage('kernel'),
};

/** Amazon's initrd ramdisks for the old Fedora 8 based images. */
const ramdisks: Line = {
  ...pvGrub,
  key: 'initrd-ramdisks',
  min: 1,
  cap: 1,
  window: ['2010-01-01', '2010-06-01'],
  name: (v) => `initrd-2.6.21.7-2.fc8xen-${v.arch}`,
  decorate: bootImage('ramdisk'),
};

/** The ramdisk the old paravirtual images boot with (ImageId form of an `ari-` image, not one of `ramdisks`). */
export const PV_RAMDISK: Readonly<Record<string, string>> = { x86_64: 'ari-b31cf9da', i386: 'ari-a51cf9cc' };

/** Old paravirtual Fedora images booting an Amazon kernel and ramdisk (KernelId and RamdiskId). */
const fedoraPv: Line = {
  ...AMAZON_RARE,
  key: 'fedora8-pv',
  min: 2,
  cap: 2,
  old: true,
  window: ['2010-02-01', '2010-09-01'],
  arches: ['x86_64', 'i386'],
  scope: 'one',
  name: (v) => `fedora-8-${v.arch}-base-v1.${10 + v.k}`,
  description: (v) => `Fedora 8 ${v.arch} base image v1.${10 + v.k}`,
  traits: PV_S3,
  deprecateDays: 0,
  decorate: (img, v) => {
    s3Manifest(img);
    img.RamdiskId = PV_RAMDISK[v.arch]!;
  },
};

/** Amazon's macOS images for mac instances (x86_64_mac on mac1, arm64_mac on mac2). */
const macos: Line = {
  ...AMAZON_RARE,
  key: 'macos',
  min: 1,
  cap: 1,
  window: [40, 20],
  arches: ['x86_64_mac', 'arm64_mac'],
  scope: 'all',
  name: (v) => {
    const time = v.date.toISOString().slice(11, 19).replaceAll(':', '');
    return `amzn-ec2-macos-15.2-${v.ymd}-${time}${v.arch === 'arm64_mac' ? '-arm64' : ''}`;
  },
  description: (v) => `macOS Sequoia 15.2 ${v.arch === 'arm64_mac' ? 'arm64' : 'x86_64'} AMI`,
  traits: { ...LINUX_GP3, rootDevice: '/dev/sda1', volumeSize: 100, bootMode: {} },
};

/** The rare lines, appended after every other line (their records come out of the filler's). */
export const RARE_LINES: readonly Line[] = [selfUnusual, pvGrub, ramdisks, fedoraPv, macos];
