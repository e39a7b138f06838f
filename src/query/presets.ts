/** Distro presets: publishers pinned by owner ID, with anchored name globs per architecture (docs/ARCHITECTURE.md). */
import { usageError } from '../errors.js';
import type { Filter } from '../types.js';
import { meanText, suggest } from './suggest.js';

/** AWS partitions a publisher account lives in. */
export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** Well-known publisher accounts: owner ID -> publisher name and partition. */
export const PUBLISHERS = {
  '099720109477': { name: 'Canonical', partition: 'aws', products: 'Ubuntu' },
  '513442679011': { name: 'Canonical', partition: 'aws-us-gov', products: 'Ubuntu' },
  '837727238323': { name: 'Canonical', partition: 'aws-cn', products: 'Ubuntu' },
  '137112412989': { name: 'Amazon', partition: 'aws', products: 'Amazon Linux' },
  '801119661308': { name: 'Amazon', partition: 'aws', products: 'Windows Server' },
  '136693071363': { name: 'Debian', partition: 'aws', products: 'Debian' },
  '309956199498': { name: 'Red Hat', partition: 'aws', products: 'RHEL' },
  '013907871322': { name: 'SUSE', partition: 'aws', products: 'SLES' },
  '792107900819': { name: 'Rocky Linux', partition: 'aws', products: 'Rocky Linux' },
  '764336703387': { name: 'AlmaLinux', partition: 'aws', products: 'AlmaLinux' },
  '125523088429': { name: 'Fedora Project', partition: 'aws', products: 'Fedora, CentOS Stream' },
  '782442783595': { name: 'FreeBSD', partition: 'aws', products: 'FreeBSD' },
  '427812963091': { name: 'NixOS', partition: 'aws', products: 'NixOS' },
} as const satisfies Record<string, { name: string; partition: Partition; products: string }>;
export type PublisherId = keyof typeof PUBLISHERS;

/** The publisher's name for an owner account ID, if it is a well-known one. */
export function publisherName(ownerId: string | undefined): string | undefined {
  return ownerId !== undefined && Object.hasOwn(PUBLISHERS, ownerId) ? PUBLISHERS[ownerId as PublisherId].name : undefined;
}

/** Architectures presets are published for (EC2's spelling). */
type PresetArch = 'x86_64' | 'arm64';

export interface PresetSpec {
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly title: string;
  /** Owner account per partition (at least the commercial one). */
  readonly owners: Readonly<Partial<Record<Partition, string>>>;
  /** Name globs per architecture (values of one `name` filter: OR). Missing arch = not published. */
  readonly names: Readonly<Partial<Record<PresetArch, readonly string[]>>>;
  /** SSM public parameter pointing at the newest image, per architecture, where known. */
  readonly ssm?: Readonly<Partial<Record<PresetArch, string>>>;
  readonly aliases?: readonly string[];
}

const CANONICAL = { aws: '099720109477', 'aws-us-gov': '513442679011', 'aws-cn': '837727238323' } as const;
const ubuntuSsm = (v: string, vol: string, a: string) => `/aws/service/canonical/ubuntu/server/${v}/stable/current/${a}/hvm/${vol}/ami-id`;
/** Canonical serials are YYYYMMDD or YYYYMMDD.N: exact globs keep daily/minimal/pro and suffixed copies out. */
const ubuntuNames = (path: string, code: string, v: string, a: string) => {
  const base = `ubuntu/images/${path}/ubuntu-${code}-${v}-${a}-server-20??????`;
  return [base, `${base}.?`, `${base}.??`];
};
const ubuntu = (v: string, code: string, path: string, vol: string, aliases: string[]): PresetSpec => ({
  name: `ubuntu:${v}`, family: 'ubuntu', version: v, title: `Ubuntu ${v} LTS`, owners: CANONICAL,
  names: { x86_64: ubuntuNames(path, code, v, 'amd64'), arm64: ubuntuNames(path, code, v, 'arm64') },
  ssm: { x86_64: ubuntuSsm(v, vol, 'amd64'), arm64: ubuntuSsm(v, vol, 'arm64') },
  aliases: [`ubuntu:${code}`, ...aliases],
});
const AL = '/aws/service/ami-amazon-linux-latest';
/** AL2023 builds several kernels the same second: follow the SSM pointer's default kernel, so --latest agrees with it. */
const AL2023_DEFAULT_KERNEL = '6.1';
const al2023 = (kind: '' | 'minimal-') => ({
  names: {
    x86_64: [`al2023-ami-${kind}2023.*-kernel-${AL2023_DEFAULT_KERNEL}-x86_64`],
    arm64: [`al2023-ami-${kind}2023.*-kernel-${AL2023_DEFAULT_KERNEL}-arm64`],
  },
  ssm: { x86_64: `${AL}/al2023-ami-${kind}kernel-default-x86_64`, arm64: `${AL}/al2023-ami-${kind}kernel-default-arm64` },
});
const debian = (v: string): PresetSpec => ({
  name: `debian:${v}`, family: 'debian', version: v, title: `Debian ${v}`, owners: { aws: '136693071363' },
  names: { x86_64: [`debian-${v}-amd64-20??????-*`], arm64: [`debian-${v}-arm64-20??????-*`] },
  ssm: { x86_64: `/aws/service/debian/release/${v}/latest/amd64`, arm64: `/aws/service/debian/release/${v}/latest/arm64` },
});
/** Amazon's Windows names end in the release date YYYY.MM.DD (a same-day rebuild adds .N). */
const windowsNames = (base: string) => [base, `${base}.?`, `${base}.??`];
const windows = (v: string): PresetSpec => ({
  name: `windows:${v}`, family: 'windows', version: v, title: `Windows Server ${v} English Full Base`,
  owners: { aws: '801119661308' },
  names: { x86_64: windowsNames(`Windows_Server-${v}-English-Full-Base-20??.??.??`) },
  ssm: { x86_64: `/aws/service/ami-windows-latest/Windows_Server-${v}-English-Full-Base` },
});

/** Every preset. The first of each family is that family's default (`ubuntu` = the latest LTS). */
export const PRESETS: readonly PresetSpec[] = [
  ubuntu('26.04', 'resolute', 'hvm-ssd-gp3', 'ebs-gp3', ['ubuntu']),
  ubuntu('24.04', 'noble', 'hvm-ssd-gp3', 'ebs-gp3', []),
  ubuntu('22.04', 'jammy', 'hvm-ssd', 'ebs-gp2', []),
  ubuntu('20.04', 'focal', 'hvm-ssd', 'ebs-gp2', []),
  { name: 'al2023', family: 'al2023', version: '2023', title: 'Amazon Linux 2023 (standard, default kernel 6.1)',
    owners: { aws: '137112412989' }, ...al2023(''), aliases: ['amazon-linux:2023', 'amazon-linux'] },
  { name: 'al2023-minimal', family: 'al2023-minimal', version: '2023', title: 'Amazon Linux 2023 minimal (default kernel 6.1)',
    owners: { aws: '137112412989' }, ...al2023('minimal-') },
  // Kernel 5.10 only: kernel 4.14 is built the same day, and --latest would disagree with the SSM pointer.
  { name: 'al2', family: 'al2', version: '2', title: 'Amazon Linux 2 (kernel 5.10, gp2)',
    owners: { aws: '137112412989' },
    names: { x86_64: ['amzn2-ami-kernel-5.10-hvm-2.0.*-x86_64-gp2'], arm64: ['amzn2-ami-kernel-5.10-hvm-2.0.*-arm64-gp2'] },
    ssm: { x86_64: `${AL}/amzn2-ami-kernel-5.10-hvm-x86_64-gp2`, arm64: `${AL}/amzn2-ami-kernel-5.10-hvm-arm64-gp2` },
    aliases: ['amazon-linux:2'] },
  { ...debian('13'), aliases: ['debian', 'debian:trixie'] },
  { ...debian('12'), aliases: ['debian:bookworm'] },
  { name: 'rhel:9', family: 'rhel', version: '9', title: 'Red Hat Enterprise Linux 9 (hourly, gp3)',
    owners: { aws: '309956199498' },
    names: { x86_64: ['RHEL-9.*_HVM-20??????-x86_64-*-Hourly2-GP3'], arm64: ['RHEL-9.*_HVM-20??????-arm64-*-Hourly2-GP3'] },
    ssm: { x86_64: '/aws/service/redhat/rhel/9/x86_64/latest' }, aliases: ['rhel'] },
  { name: 'sles:15-sp7', family: 'sles', version: '15-sp7', title: 'SUSE Linux Enterprise Server 15 SP7 (on-demand)',
    owners: { aws: '013907871322' },
    names: { x86_64: ['suse-sles-15-sp7-v20??????*-hvm-ssd-x86_64'], arm64: ['suse-sles-15-sp7-v20??????*-hvm-ssd-arm64'] },
    ssm: { x86_64: '/aws/service/suse/sles/15-sp7/x86_64/latest' }, aliases: ['sles'] },
  { name: 'rocky:9', family: 'rocky', version: '9', title: 'Rocky Linux 9 (Base, not LVM)', owners: { aws: '792107900819' },
    names: { x86_64: ['Rocky-9-EC2-Base-9.*-20??????.*.x86_64'], arm64: ['Rocky-9-EC2-Base-9.*-20??????.*.aarch64'] },
    aliases: ['rocky'] },
  { name: 'alma:9', family: 'alma', version: '9', title: 'AlmaLinux OS 9', owners: { aws: '764336703387' },
    names: { x86_64: ['AlmaLinux OS 9.*.20??????* x86_64'], arm64: ['AlmaLinux OS 9.*.20??????* aarch64'] },
    aliases: ['alma', 'almalinux:9'] },
  { name: 'fedora:43', family: 'fedora', version: '43', title: 'Fedora Cloud 43', owners: { aws: '125523088429' },
    names: { x86_64: ['Fedora-Cloud-Base-AmazonEC2.x86_64-43-*'], arm64: ['Fedora-Cloud-Base-AmazonEC2.aarch64-43-*'] },
    aliases: ['fedora'] },
  { name: 'centos-stream:9', family: 'centos-stream', version: '9', title: 'CentOS Stream 9', owners: { aws: '125523088429' },
    names: {
      x86_64: ['CentOS Stream 9 x86_64 20??????', 'CentOS Stream 9 x86_64 20??????.*'],
      arm64: ['CentOS Stream 9 aarch64 20??????', 'CentOS Stream 9 aarch64 20??????.*'],
    },
    aliases: ['centos-stream', 'centos:9'] },
  { ...windows('2025'), aliases: ['windows'] },
  windows('2022'),
  { name: 'freebsd:14', family: 'freebsd', version: '14', title: 'FreeBSD 14 RELEASE (UFS, ZFS, cloud-init)',
    owners: { aws: '782442783595' },
    names: { x86_64: ['FreeBSD 14.?-RELEASE-amd64*'], arm64: ['FreeBSD 14.?-RELEASE-arm64*'] },
    ssm: { x86_64: '/aws/service/freebsd/amd64/base/ufs/14.3/RELEASE' }, aliases: ['freebsd'] },
  { name: 'nixos:25.05', family: 'nixos', version: '25.05', title: 'NixOS 25.05', owners: { aws: '427812963091' },
    names: { x86_64: ['nixos/25.05.*-x86_64-linux'], arm64: ['nixos/25.05.*-aarch64-linux'] }, aliases: ['nixos'] },
];

/** What a preset expands to: pinned owners and filters, ready for an ImageQuery. */
export interface ResolvedPreset {
  owners: string[];
  filters: Filter[];
  description: string;
  /** The publisher's SSM parameter for this architecture, where the preset knows it. */
  ssm?: string;
}

/** The preset with this name or alias (case-insensitive), or undefined. */
export function findPreset(name: string): PresetSpec | undefined {
  const n = name.trim().toLowerCase();
  return PRESETS.find((p) => p.name === n || p.aliases?.includes(n));
}

/** Every accepted preset name, aliases included. */
export function presetNames(): string[] {
  return PRESETS.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
}

/** Normalise architecture spellings people type (amd64, aarch64) to EC2's. */
function normaliseArch(arch: string): string {
  const a = arch.trim().toLowerCase();
  return a === 'amd64' ? 'x86_64' : a === 'aarch64' ? 'arm64' : a;
}

/** The partition a region belongs to (us-gov-* GovCloud, cn-* China, otherwise commercial). */
function partitionOf(region: string | undefined): Partition {
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  if (region?.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function unknownPreset(name: string): never {
  const family = name.split(':')[0]!.toLowerCase();
  const inFamily = PRESETS.filter((p) => p.family === family).map((p) => p.name);
  const guess = suggest(name, presetNames());
  const hint = inFamily.length
    ? `${family} presets: ${inFamily.join(', ')}`
    : `see \`ami-find presets\` for the list`;
  throw usageError(`unknown preset '${name}'${meanText(guess)}`, hint, 'E_UNKNOWN_PRESET');
}

/** Expand a preset for one architecture (default x86_64) into pinned owners and filters; usage errors otherwise. */
export function resolvePreset(name: string, arch?: string, region?: string): ResolvedPreset {
  const preset = findPreset(name) ?? unknownPreset(name);
  const a = normaliseArch(arch ?? 'x86_64');
  const names = (preset.names as Partial<Record<string, readonly string[]>>)[a];
  if (!names) {
    const have = Object.keys(preset.names).join(', ');
    throw usageError(`preset '${preset.name}' has no ${a} images`, `${preset.name} is published for: ${have}`, 'E_PRESET_ARCH');
  }
  const partition = partitionOf(region);
  const owner = preset.owners[partition];
  if (!owner) {
    throw usageError(`preset '${preset.name}' has no known publisher account in the ${partition} partition`,
      'pass --owner and --name instead', 'E_PRESET_PARTITION');
  }
  return {
    owners: [owner],
    filters: [{ Name: 'name', Values: [...names] }, { Name: 'architecture', Values: [a] }],
    description: `${preset.title}, ${a}, published by ${publisherName(owner) ?? owner} (${owner})`,
    ssm: (preset.ssm as Partial<Record<string, string>> | undefined)?.[a],
  };
}

/** Colour hooks for `ami-find presets`; identity by default. */
export interface PresetListStyle {
  name(s: string): string;
  dim(s: string): string;
}

/** The `ami-find presets` listing: per preset its title and publisher, then per architecture its name globs and SSM parameter. */
export function formatPresetList(presets: readonly PresetSpec[] = PRESETS, style: PresetListStyle = { name: (s) => s, dim: (s) => s }): string {
  const width = Math.max(...presets.map((p) => p.name.length));
  const pad = ' '.repeat(width + 2);
  const out: string[] = [];
  for (const p of presets) {
    const owner = p.owners.aws!;
    out.push(`${style.name(p.name.padEnd(width))}  ${p.title}, ${publisherName(owner) ?? owner} (owner ${owner})`);
    if (p.aliases?.length) out.push(`${pad}${style.dim('aliases:')} ${p.aliases.join(', ')}`);
    for (const [arch, [first, ...more]] of Object.entries(p.names) as [PresetArch, string[]][]) {
      out.push(`${pad}${style.dim(`${arch}:`.padEnd(8))} ${first}`);
      for (const n of more) out.push(`${pad}${' '.repeat(9)}${n}`);
      const ssm = p.ssm?.[arch];
      if (ssm) out.push(`${pad}${' '.repeat(9)}${style.dim('ssm')} ${ssm}`);
    }
  }
  return `${out.join('\n')}\n`;
}
