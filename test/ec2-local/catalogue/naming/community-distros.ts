/** Debian, Rocky, AlmaLinux, Fedora/CentOS Stream, FreeBSD and NixOS lines. */
import type { Arch, BuildVars, Line } from '../line.js';
import { LINUX_GP2, LINUX_GP3 } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';
import { versionAt } from '../dates.js';
import { randomHex } from '../rng.js';

const deb = (a: Arch): string => (a === 'arm64' ? 'arm64' : 'amd64');
const rpm = (a: Arch): string => (a === 'arm64' ? 'aarch64' : 'x86_64');
const suffix = (v: BuildVars, sep = '.'): string => (v.n ? `${sep}${v.n}` : '');

function base(key: string, owner: string, from: string, weight = 1): Omit<Line, 'name' | 'description'> {
  return { key, kind: 'official', owner, weight, min: 2, window: [from, 3], arches: ['x86_64', 'arm64'],
    scope: 'all', public: true, traits: LINUX_GP3 };
}

function debian(major: string, from: string, to: number | string): Line {
  return {
    ...base(`debian-${major}`, PUBLISHERS.debian.ownerId, from, 1.5),
    window: [from, to],
    name: (v) => `debian-${major}-${deb(v.arch)}-${v.ymd}-${1800 + v.k}${suffix(v, '-')}`,
    description: (v) => `Debian ${major} (${v.ymd}-${1800 + v.k})`,
    traits: { ...(major === '11' ? LINUX_GP2 : LINUX_GP3), freeTier: true },
    ssm: (a) => `/aws/service/debian/release/${major}/latest/${deb(a)}`,
  };
}

const EL_MINORS: Record<string, readonly [string, string][]> = {
  '8': [['2023-01-01', '8.8'], ['2023-11-20', '8.9'], ['2024-05-28', '8.10']],
  '9': [['2023-01-01', '9.2'], ['2023-11-13', '9.3'], ['2024-05-06', '9.4'], ['2024-11-18', '9.5'],
    ['2025-06-02', '9.6'], ['2025-11-17', '9.7'], ['2026-05-25', '9.8']],
  '10': [['2025-06-11', '10.0'], ['2025-11-24', '10.1'], ['2026-05-26', '10.2']],
};

function rocky(major: string, from: string, lvm: boolean): Line {
  const flavour = lvm ? 'LVM' : 'Base';
  return {
    ...base(`rocky-${major}${lvm ? '-lvm' : ''}`, PUBLISHERS.rocky.ownerId, from, lvm ? 0.5 : 1),
    name: (v) => `Rocky-${major}-EC2-${flavour}-${versionAt(v.date, EL_MINORS[major]!)}-${v.ymd}.${v.n}.${rpm(v.arch)}`,
    description: (v) => `Rocky Linux ${versionAt(v.date, EL_MINORS[major]!)} (${flavour}) ${rpm(v.arch)}`,
  };
}

/** AlmaLinux names contain spaces: `AlmaLinux OS 9.4.20240507 x86_64`. */
function alma(major: string, from: string): Line {
  return {
    ...base(`alma-${major}`, PUBLISHERS.alma.ownerId, from),
    name: (v) => `AlmaLinux OS ${versionAt(v.date, EL_MINORS[major]!)}.${v.ymd}${suffix(v)} ${rpm(v.arch)}`,
    description: (v) => `Official AlmaLinux OS ${major} ${rpm(v.arch)} image`,
  };
}

const FEDORA: readonly [string, string][] = [
  ['2023-01-01', '39'], ['2024-04-23', '40'], ['2024-10-29', '41'], ['2025-04-15', '42'],
  ['2025-10-28', '43'], ['2026-04-21', '44'], ['2026-10-20', '45'],
];

const fedora: Line = {
  ...base('fedora', PUBLISHERS.fedora.ownerId, '2023-01-01'),
  name: (v) => `Fedora-Cloud-Base-AmazonEC2.${rpm(v.arch)}-${versionAt(v.date, FEDORA)}-${v.ymd}.${v.n}`,
  description: (v) => `Fedora Cloud Base ${versionAt(v.date, FEDORA)} (AmazonEC2, ${rpm(v.arch)})`,
};

function centos(major: string, from: string): Line {
  return {
    ...base(`centos-stream-${major}`, PUBLISHERS.fedora.ownerId, from, 0.7),
    name: (v) => `CentOS Stream ${major} ${rpm(v.arch)} ${v.ymd}${suffix(v)}`,
    description: () => `CentOS Stream ${major} cloud image`,
  };
}

const BSD_RELEASES: readonly [string, string][] = [
  ['2023-01-01', '13.2'], ['2023-11-20', '14.0'], ['2024-06-04', '14.1'], ['2024-12-03', '14.2'],
  ['2025-06-10', '14.3'], ['2025-12-02', '15.0'], ['2026-03-10', '14.4'], ['2026-06-09', '15.1'],
];

const freebsd: Line = {
  ...base('freebsd', PUBLISHERS.freebsd.ownerId, '2023-01-01', 0.7),
  arches: ['x86_64', 'arm64'],
  name: (v) => {
    const rel = versionAt(v.date, BSD_RELEASES);
    const kind = v.k % 4 === 0 ? 'RELEASE' : 'STABLE';
    const date = kind === 'STABLE' ? `-${v.ymd}${suffix(v, '-')}` : `-p${v.k / 4}${suffix(v, '-')}`;
    return `FreeBSD ${rel}-${kind}-${deb(v.arch)}${date} UEFI-PREFERRED base UFS`;
  },
  description: (v) => `FreeBSD/${deb(v.arch)} ${versionAt(v.date, BSD_RELEASES)} UFS`,
  traits: { ...LINUX_GP3, rootDevice: '/dev/sda1', volumeSize: 5, bootMode: { x86_64: 'uefi-preferred', arm64: 'uefi' } },
};

const NIXOS: readonly [string, string][] = [
  ['2023-01-01', '23.11'], ['2024-05-31', '24.05'], ['2024-11-30', '24.11'], ['2025-05-23', '25.05'],
  ['2025-11-30', '25.11'], ['2026-05-30', '26.05'],
];

const nixos: Line = {
  ...base('nixos', PUBLISHERS.nixos.ownerId, '2023-01-01', 0.7),
  name: (v) => `nixos/${versionAt(v.date, NIXOS)}.${700000 + v.k * 37}.${randomHex(v.rng, 12)}-${v.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux`,
  description: (v) => `NixOS ${versionAt(v.date, NIXOS)} ${v.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux`,
};

/** Every line in this module. */
export const COMMUNITY_DISTRO_LINES: readonly Line[] = [
  debian('11', '2021-08-14', '2026-08-31'), debian('12', '2023-06-10', 3), debian('13', '2025-08-09', 3),
  rocky('8', '2021-06-21', false), rocky('9', '2022-07-14', false), rocky('9', '2022-07-14', true), rocky('10', '2025-06-11', false),
  alma('8', '2021-03-30'), alma('9', '2022-05-26'), alma('10', '2025-05-27'),
  fedora, centos('9', '2021-12-03'), centos('10', '2024-12-12'),
  freebsd, nixos,
];
