/** `ami-find show`: everything DescribeImages says about one image, for people. Pure: the clock and colours are passed in. */
import type { Image } from '../types.js';
import { publisherName } from '../query/presets.js';
import { relativeAgeLong } from './age.js';
import { isDeprecated } from './columns.js';
import { safeText } from './safe-text.js';
import { compareVersionedNames } from '../select/version-compare.js';
import { timeOf } from '../select/newest.js';

/** Colour hooks for the details view (heading, labels, secondary text, warnings); identity by default. */
export interface DetailsStyle {
  title(s: string): string;
  label(s: string): string;
  dim(s: string): string;
  warn(s: string): string;
}

export const PLAIN_DETAILS_STYLE: DetailsStyle = { title: (s) => s, label: (s) => s, dim: (s) => s, warn: (s) => s };

/** A copy of `value` with every string in it passed through safeText. */
function safeDeep<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map(safeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeDeep(v)])) as T;
  }
  return value;
}

function yesNo(v: boolean | undefined): string | undefined {
  return v === undefined ? undefined : v ? 'yes' : 'no';
}

/** Root device first, then by device name version-aware: EC2's order of nested lists varies between calls. */
function blockDevices(image: Image): string[] {
  const root = image.RootDeviceName;
  const mappings = [...(image.BlockDeviceMappings ?? [])].sort((a, b) =>
    Number(b.DeviceName === root) - Number(a.DeviceName === root) || compareVersionedNames(a.DeviceName ?? '', b.DeviceName ?? ''));
  return mappings.map((m) => {
    const parts = [m.DeviceName ?? '?'];
    if (m.VirtualName) parts.push(m.VirtualName);
    if (m.NoDevice !== undefined) parts.push('no device');
    const e = m.Ebs;
    if (e) {
      if (e.SnapshotId) parts.push(e.SnapshotId);
      if (e.VolumeSize !== undefined) parts.push(`${e.VolumeSize} GiB`);
      if (e.VolumeType) parts.push(e.VolumeType);
      if (e.Iops !== undefined) parts.push(`${e.Iops} IOPS`);
      if (e.Throughput !== undefined) parts.push(`${e.Throughput} MiB/s`);
      if (e.Encrypted) parts.push('encrypted');
      if (e.KmsKeyId) parts.push(`kms ${e.KmsKeyId}`);
      if (e.DeleteOnTermination !== undefined) parts.push(e.DeleteOnTermination ? 'delete on termination' : 'kept on termination');
    }
    return parts.join('  ');
  });
}

/** Render one image's details as labelled lines (multi-line string ending in a newline). */
export function formatImageDetails(raw: Image, now: Date, style: DetailsStyle = PLAIN_DETAILS_STYLE): string {
  const image = safeDeep(raw);
  const lines: string[] = [];
  const field = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') lines.push(`  ${style.label(label.padEnd(16))} ${value}`);
  };
  const list = (label: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`  ${style.label(label)}`);
    for (const item of items) lines.push(`    ${item}`);
  };
  const when = (s: string | undefined, pastWord = '') => {
    const t = timeOf(s);
    if (!s || t === undefined) return s || undefined;
    const rel = relativeAgeLong(new Date(t), now);
    return `${s} ${style.dim(`(${pastWord && t <= now.getTime() ? `${pastWord} ` : ''}${rel})`)}`;
  };

  const deprecated = isDeprecated(image, now);
  const marks = [
    deprecated ? style.warn('[deprecated]') : '',
    image.State === 'disabled' ? style.warn('[disabled]') : '',
  ].filter(Boolean).join(' ');
  lines.push(`${style.title(`${image.ImageId ?? '?'}  ${image.Name ?? ''}`.trimEnd())}${marks ? `  ${marks}` : ''}`);
  field('Description', image.Description);
  const publisher = publisherName(image.OwnerId);
  field('Owner', [image.OwnerId, publisher ? `(${publisher})` : '', image.ImageOwnerAlias ? `alias ${image.ImageOwnerAlias}` : '']
    .filter(Boolean).join(' '));
  const state = image.State && image.State !== 'available' ? style.warn(image.State) : image.State;
  field('State', state);
  if (image.StateReason?.Code || image.StateReason?.Message) {
    field('State reason', [image.StateReason.Code, image.StateReason.Message].filter(Boolean).join(': '));
  }
  field('Public', yesNo(image.Public));
  field('Created', when(image.CreationDate));
  const dep = when(image.DeprecationTime, 'deprecated');
  field('Deprecation', dep && deprecated ? style.warn(dep) : dep);
  field('Last launched', when(image.LastLaunchedTime));
  field('Architecture', image.Architecture);
  field('Platform', [image.PlatformDetails ?? image.Platform, image.UsageOperation ? style.dim(`(${image.UsageOperation})`) : '']
    .filter(Boolean).join(' '));
  field('Image type', image.ImageType && image.ImageType !== 'machine' ? image.ImageType : undefined);
  field('Virtualization', [image.VirtualizationType, image.Hypervisor ? style.dim(`(${image.Hypervisor})`) : ''].filter(Boolean).join(' '));
  field('Boot mode', image.BootMode ?? style.dim('not set (instance type default)'));
  field('IMDS', image.ImdsSupport ? `${image.ImdsSupport} (IMDSv2 required at launch)` : style.dim('not set (IMDSv1 allowed)'));
  field('TPM', image.TpmSupport ?? style.dim('not supported'));
  field('ENA', image.EnaSupport === undefined ? undefined : image.EnaSupport ? 'supported' : 'not supported');
  field('SR-IOV', image.SriovNetSupport);
  field('Root device', [image.RootDeviceName, image.RootDeviceType ? `(${image.RootDeviceType})` : ''].filter(Boolean).join(' '));
  list('Block devices', blockDevices(image));
  // Sorted for the same reason as block devices: EC2's order of nested lists varies.
  list('Tags', [...(image.Tags ?? [])].sort((a, b) => compareVersionedNames(a.Key ?? '', b.Key ?? '')).map((t) => `${t.Key ?? ''} = ${t.Value ?? ''}`));
  list('Product codes', [...(image.ProductCodes ?? [])].sort((a, b) => compareVersionedNames(a.ProductCodeId ?? '', b.ProductCodeId ?? '')).map((p) => `${p.ProductCodeId ?? '?'}${p.ProductCodeType ? ` (${p.ProductCodeType})` : ''}`));
  field('SSM parameter', image.PublicSsmParameterName);
  field('Source image', image.SourceImageId ? `${image.SourceImageId}${image.SourceImageRegion ? ` (${image.SourceImageRegion})` : ''}` : undefined);
  field('Source instance', image.SourceInstanceId);
  field('Location', image.ImageLocation);
  field('Kernel', image.KernelId);
  field('Ramdisk', image.RamdiskId);
  field('Free tier', yesNo(image.FreeTierEligible));
  field('Allowed', image.ImageAllowed === false ? style.warn('no (blocked by Allowed AMIs)') : yesNo(image.ImageAllowed));
  field('Deregistration', image.DeregistrationProtection ? `protection ${image.DeregistrationProtection}` : undefined);
  return `${lines.join('\n')}\n`;
}
