/** Canonical's Ubuntu lines: server images plus the minimal, daily and Pro look-alike names. */
import type { Arch, BuildVars, Line } from '../line.js';
import { LINUX_GP2, LINUX_GP3 } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';

const deb = (a: Arch): string => (a === 'arm64' ? 'arm64' : 'amd64');
const iso = (v: BuildVars): string => v.date.toISOString().slice(0, 10);
const OWNER = PUBLISHERS.canonical.ownerId;
const UBUNTU_GP3 = { ...LINUX_GP3, rootDevice: '/dev/sda1' as const, ephemeral: 2 };
const UBUNTU_GP2 = { ...LINUX_GP2, rootDevice: '/dev/sda1' as const, ephemeral: 2 };

interface Release {
  ver: string;
  code: string;
  from: string;
  /** Standard support end (no more builds after it). */
  to?: string;
  disk: 'hvm-ssd' | 'hvm-ssd-gp3';
}

const RELEASES: readonly Release[] = [
  { ver: '20.04', code: 'focal', from: '2020-04-23', to: '2025-05-31', disk: 'hvm-ssd' },
  { ver: '22.04', code: 'jammy', from: '2022-04-21', disk: 'hvm-ssd' },
  { ver: '24.04', code: 'noble', from: '2024-04-25', disk: 'hvm-ssd-gp3' },
  { ver: '26.04', code: 'resolute', from: '2026-04-23', disk: 'hvm-ssd-gp3' },
];

const ebs = (r: Release): string => (r.disk === 'hvm-ssd' ? 'ebs-gp2' : 'ebs-gp3');

function server(r: Release): Line {
  return {
    key: `ubuntu-${r.ver}`,
    kind: 'official',
    owner: OWNER,
    weight: r.ver === '20.04' ? 2 : 3,
    min: 3,
    window: [r.from, r.to ?? 1],
    arches: ['x86_64', 'arm64'],
    scope: 'all',
    public: true,
    name: (v) => `ubuntu/images/${r.disk}/ubuntu-${r.code}-${r.ver}-${deb(v.arch)}-server-${v.serial}`,
    description: (v) =>
      r.ver === '24.04' || r.ver === '26.04'
        ? `Canonical, Ubuntu, ${r.ver}, ${deb(v.arch)} ${r.code} image`
        : `Canonical, Ubuntu, ${r.ver} LTS, ${deb(v.arch)} ${r.code} image build on ${iso(v)}`,
    traits: { ...(r.disk === 'hvm-ssd' ? UBUNTU_GP2 : UBUNTU_GP3), freeTier: true },
    ssm: (a) => `/aws/service/canonical/ubuntu/server/${r.ver}/stable/current/${deb(a)}/hvm/${ebs(r)}/ami-id`,
  };
}

const NOBLE = RELEASES[2]!;
const JAMMY = RELEASES[1]!;

/** Minimal images: `ubuntu*-24.04-amd64-*` matches them, the anchored server pattern does not. */
function minimal(r: Release): Line {
  return {
    ...server(r),
    key: `ubuntu-minimal-${r.ver}`,
    weight: 1,
    min: 2,
    name: (v) => `ubuntu-minimal/images/${r.disk}/ubuntu-${r.code}-${r.ver}-${deb(v.arch)}-minimal-${v.serial}`,
    description: (v) => `Canonical, Ubuntu Minimal, ${r.ver}, ${deb(v.arch)} ${r.code} image`,
    traits: r.disk === 'hvm-ssd' ? UBUNTU_GP2 : UBUNTU_GP3,
    ssm: (a) => `/aws/service/canonical/ubuntu/server-minimal/${r.ver}/stable/current/${deb(a)}/hvm/${ebs(r)}/ami-id`,
  };
}

/** Daily test builds: `ubuntu/images*` look-alikes that are not release images. */
const daily: Line = {
  ...server(NOBLE),
  key: 'ubuntu-daily-24.04',
  weight: 2,
  min: 2,
  window: [60, 0],
  name: (v) => `ubuntu/images-testing/hvm-ssd-gp3/ubuntu-noble-daily-${deb(v.arch)}-server-${v.serial}`,
  description: (v) => `Canonical, Ubuntu, 24.04, ${deb(v.arch)} noble image (daily build, not for production)`,
  deprecateDays: 30,
  traits: UBUNTU_GP3,
  ssm: undefined,
};

/** Ubuntu Pro: same publisher, marketplace billing. */
const pro: Line = {
  ...server(NOBLE),
  key: 'ubuntu-pro-24.04',
  weight: 1,
  min: 1,
  name: (v) => `ubuntu-pro-server/images/hvm-ssd-gp3/ubuntu-noble-24.04-${deb(v.arch)}-pro-server-${v.serial}`,
  description: (v) => `Canonical, Ubuntu Pro, 24.04 LTS, ${deb(v.arch)} noble image`,
  traits: { ...UBUNTU_GP3, platformDetails: 'Ubuntu Pro', usageOperation: 'RunInstances:0g00' },
  productCode: () => '9rfhbi0p1ueiyohkcdqn9ee6k',
  ssm: undefined,
};

/** Every Canonical line. */
export const UBUNTU_LINES: readonly Line[] = [...RELEASES.map(server), minimal(NOBLE), minimal(JAMMY), daily, pro];
