/** Amazon's lines: AL2023 (kernels 6.1/6.12/6.18, minimal), AL2, AL1 oldies, and ECS/EKS/DLAMI under alias amazon. */
import type { BuildVars, Line, Traits } from '../line.js';
import { LINUX_GP2, LINUX_GP3 } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';
import { versionAt } from '../dates.js';

const AMZN = PUBLISHERS.amazon;
const AL2023: Traits = { ...LINUX_GP3, imdsV2: true, freeTier: true };
const LATEST = '/aws/service/ami-amazon-linux-latest';

/** AL2023 point release at a date: 2023.0 in March 2023, then one a quarter. */
function al2023Version(v: BuildVars): string {
  const months = (v.date.getUTCFullYear() - 2023) * 12 + v.date.getUTCMonth() - 2;
  return `2023.${Math.max(0, Math.floor(months / 3))}.${v.ymd}.${v.n}`;
}

function al2023(kernel: string, from: string, minimal: boolean, ssm: string): Line {
  const m = minimal ? 'minimal-' : '';
  return {
    key: `al2023-${m}${kernel}`,
    kind: 'official',
    owner: AMZN.ownerId,
    alias: AMZN.alias,
    weight: minimal ? 1 : 3,
    min: 3,
    window: [from, 2],
    arches: ['x86_64', 'arm64'],
    scope: 'all',
    public: true,
    name: (v) => `al2023-ami-${m}${al2023Version(v)}-kernel-${kernel}-${v.arch}`,
    description: (v) =>
      `Amazon Linux 2023 ${minimal ? 'minimal ' : ''}AMI ${al2023Version(v)} ${v.arch} HVM kernel-${kernel}`,
    traits: minimal ? { ...AL2023, volumeSize: 2, freeTier: false } : AL2023,
    ssm: (a) => `${LATEST}/al2023-ami-${m}${ssm}-${a}`,
    // AL2023 AMIs deprecate 90 days after release (domain-notes section 1).
    deprecateDays: 90,
  };
}

function al2(kernel510: boolean): Line {
  const stem = kernel510 ? 'amzn2-ami-kernel-5.10-hvm' : 'amzn2-ami-hvm';
  return {
    key: kernel510 ? 'al2-5.10' : 'al2-4.14',
    kind: 'official',
    owner: AMZN.ownerId,
    alias: AMZN.alias,
    weight: kernel510 ? 2 : 1,
    min: 2,
    // Amazon Linux 2 reached end of support on 2026-06-30.
    window: ['2021-01-01', '2026-06-30'],
    arches: ['x86_64', 'arm64'],
    scope: 'all',
    public: true,
    name: (v) => `${stem}-2.0.${v.ymd}.${v.n}-${v.arch}-gp2`,
    description: (v) =>
      `Amazon Linux 2${kernel510 ? ' Kernel 5.10' : ''} AMI 2.0.${v.ymd}.${v.n} ${v.arch} HVM gp2`,
    traits: { ...LINUX_GP2, freeTier: true },
    ssm: (a) => `${LATEST}/${stem}-${a}-gp2`,
  };
}

const OLD_TRAITS: readonly Traits[] = [
  { ...LINUX_GP2, virtualization: 'paravirtual', volumeType: 'standard', ena: false, sriov: false, bootMode: {} },
  { ...LINUX_GP2, virtualization: 'paravirtual', rootType: 'instance-store', rootDevice: '/dev/sda1',
    ephemeral: 1, ena: false, sriov: false, bootMode: {} },
  { ...LINUX_GP2, volumeType: 'standard', ena: false, bootMode: {} },
];

/** Amazon Linux AMI (AL1) oldies: paravirtual, instance-store and i386 images from before 2019. */
const al1: Line = {
  key: 'al1-oldies',
  kind: 'official',
  owner: AMZN.ownerId,
  alias: AMZN.alias,
  weight: 0.2,
  min: 6,
  cap: 40,
  old: true,
  window: ['2014-03-20', '2018-11-20'],
  arches: ['x86_64', 'i386'],
  scope: 'all',
  public: true,
  name: (v) => {
    const t = OLD_TRAITS[v.k % 3]!;
    const virt = t.virtualization === 'paravirtual' ? 'pv' : 'hvm';
    const store = t.rootType === 'instance-store' ? 's3' : 'ebs';
    const rel = `${v.date.getUTCFullYear()}.${v.date.getUTCMonth() < 6 ? '03' : '09'}`;
    return `amzn-ami-${virt}-${rel}.${v.ymd}.${v.n}-${v.arch}-${store}`;
  },
  description: (v) => `Amazon Linux AMI ${v.date.getUTCFullYear()} ${v.arch} ${v.k % 3 === 2 ? 'HVM' : 'PV'}`,
  traits: (v) => OLD_TRAITS[v.k % 3]!,
};

const K8S: readonly [string, string][] = [
  ['2023-01-01', '1.28'], ['2024-01-20', '1.29'], ['2024-05-20', '1.30'], ['2024-09-25', '1.31'],
  ['2025-01-20', '1.32'], ['2025-05-28', '1.33'], ['2025-10-02', '1.34'], ['2026-02-01', '1.35'],
];

const ecs: Line = {
  key: 'ecs-al2023',
  kind: 'official',
  owner: PUBLISHERS.amazonEcs.ownerId,
  alias: 'amazon',
  weight: 2,
  min: 2,
  window: ['2023-03-20', 3],
  arches: ['x86_64', 'arm64'],
  scope: 'all',
  public: true,
  // `al2023-ami-*` with owner alias amazon also matches these: pin 137112412989 for AL2023 itself.
  name: (v) => `al2023-ami-ecs-hvm-${al2023Version(v)}-kernel-6.1-${v.arch}`,
  description: () => 'Amazon Linux AMI 2023.0 x86_64 ECS HVM EBS',
  traits: { ...AL2023, volumeSize: 30, freeTier: false },
  ssm: (a) => `/aws/service/ecs/optimized-ami/amazon-linux-2023/${a === 'arm64' ? 'arm64/' : ''}recommended/image_id`,
};

const eks: Line = {
  key: 'eks-al2023',
  kind: 'official',
  owner: PUBLISHERS.amazonEks.ownerId,
  alias: 'amazon',
  weight: 3,
  min: 2,
  window: ['2024-03-01', 2],
  arches: ['x86_64', 'arm64'],
  scope: 'all',
  public: true,
  name: (v) => {
    const k8s = versionAt(v.date, K8S);
    return `amazon-eks-node-al2023-${v.arch}-standard-${k8s}-v${v.ymd}${v.n ? `.${v.n}` : ''}`;
  },
  description: (v) => `EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: ${versionAt(v.date, K8S)}.0, containerd: 1.7.*)`,
  traits: { ...AL2023, volumeSize: 20, freeTier: false },
};

const dlami: Line = {
  key: 'dlami-pytorch',
  kind: 'official',
  owner: PUBLISHERS.amazonDlami.ownerId,
  alias: 'amazon',
  weight: 1,
  min: 1,
  window: ['2024-01-01', 5],
  arches: ['x86_64', 'arm64'],
  scope: 'all',
  public: true,
  name: (v) => `Deep Learning ${v.arch === 'arm64' ? 'ARM64 ' : ''}OSS Nvidia Driver AMI GPU PyTorch 2.${3 + (v.date.getUTCFullYear() - 2024) * 2} (Ubuntu 22.04) ${v.ymd}${v.n ? `-${v.n}` : ''}`,
  description: () => 'Supported EC2 instances: G4dn, G5, G6, Gr6, G6e, P4d, P4de, P5, P5e. Release notes: https://docs.aws.amazon.com/dlami/latest/devguide/appendix-ami-release-notes.html',
  traits: { ...LINUX_GP3, rootDevice: '/dev/sda1', volumeSize: 75 },
};

/** Every Amazon line. */
export const AMAZON_LINES: readonly Line[] = [
  al2023('6.1', '2023-03-15', false, 'kernel-default'),
  al2023('6.12', '2025-04-01', false, 'kernel-6.12'),
  al2023('6.18', '2026-01-15', false, 'kernel-6.18'),
  al2023('6.1', '2023-03-15', true, 'kernel-default'),
  al2(true),
  al2(false),
  al1,
  ecs,
  eks,
  dlami,
];
