/** Red Hat and SUSE lines, with their BYOS look-alikes and SUSE's SP6 rebuilds published after SP7. */
import type { Arch, Line } from '../line.js';
import { RHEL, SUSE } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';
import { versionAt } from '../dates.js';

const RHEL_MINORS: Record<string, readonly [string, string][]> = {
  '8': [['2023-01-01', '8.8.0'], ['2023-11-14', '8.9.0'], ['2024-05-22', '8.10.0']],
  '9': [['2023-01-01', '9.2.0'], ['2023-11-07', '9.3.0'], ['2024-04-30', '9.4.0'], ['2024-11-12', '9.5.0'],
    ['2025-05-20', '9.6.0'], ['2025-11-12', '9.7.0'], ['2026-05-19', '9.8.0']],
  '10': [['2025-05-20', '10.0.0'], ['2025-11-12', '10.1.0'], ['2026-05-19', '10.2.0']],
};

function rhel(major: string, from: string, access: boolean): Line {
  const kind = access ? 'Access2' : 'Hourly2';
  return {
    key: `rhel-${major}${access ? '-access' : ''}`,
    kind: 'official',
    owner: PUBLISHERS.redhat.ownerId,
    weight: access ? 1 : 2,
    min: 2,
    window: [from, 3],
    arches: ['x86_64', 'arm64'],
    scope: 'all',
    public: true,
    name: (v) => {
      const minor = versionAt(v.date, RHEL_MINORS[major]!);
      return `RHEL-${minor}_HVM-${v.ymd}-${v.arch}-${10 + v.k}${v.n ? `.${v.n}` : ''}-${kind}-GP3`;
    },
    description: (v) => `Provided by Red Hat, Inc.${access ? ' (Cloud Access, bring your own subscription)' : ''} RHEL ${versionAt(v.date, RHEL_MINORS[major]!)}`,
    traits: access ? { ...RHEL, platformDetails: 'Red Hat BYOL Linux', usageOperation: 'RunInstances:00g0' } : RHEL,
    ssm: access ? undefined : (a: Arch) => `/aws/service/redhat/rhel/${major}/${a}/latest`,
  };
}

function sles(sp: number, from: string, to: number | string, byos: boolean): Line {
  const tag = byos ? '-byos' : '';
  return {
    key: `sles-15-sp${sp}${tag}`,
    kind: 'official',
    owner: PUBLISHERS.suse.ownerId,
    weight: byos ? 0.5 : 1.5,
    min: 2,
    window: [from, to],
    arches: ['x86_64', 'arm64'],
    scope: 'all',
    public: true,
    name: (v) => `suse-sles-15-sp${sp}${tag}-v${v.ymd}${v.n ? `-${v.n}` : ''}-hvm-ssd-${v.arch}`,
    description: () => `SUSE Linux Enterprise Server 15 SP${sp}${byos ? ' (BYOS)' : ''} (HVM, 64-bit, SSD-Backed)`,
    traits: byos ? { ...SUSE, platformDetails: 'Linux/UNIX', usageOperation: 'RunInstances' } : SUSE,
    ssm: byos ? undefined : (a: Arch) => `/aws/service/suse/sles/15-sp${sp}/${a}/latest`,
  };
}

/** Every Red Hat and SUSE line. SP6 ends 1 day ago, SP7 4 days ago (packer-plugin-amazon#650). */
export const ENTERPRISE_LINES: readonly Line[] = [
  rhel('8', '2019-05-07', false),
  rhel('9', '2022-05-17', false),
  rhel('9', '2022-05-17', true),
  rhel('10', '2025-05-20', false),
  sles(5, '2023-06-20', '2025-06-01', false),
  sles(6, '2024-06-20', 1, false),
  sles(6, '2024-06-20', 6, true),
  sles(7, '2025-06-17', 4, false),
];
