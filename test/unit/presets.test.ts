import { readFileSync } from 'node:fs';
import { AmiFindError } from '../../src/errors.js';
import {
  PRESETS, PUBLISHERS, formatPresetList, presetNames, publisherName, resolvePreset,
} from '../../src/query/presets.js';

/** EC2 filter-value glob (`*` any run, `?` one character, whole-name match; contract §4.4), for the test's own use. */
function compileGlob(glob: string): (s: string) => boolean {
  const source = glob.replace(/[.+^${}()|[\]\\/-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, 's');
  return (s) => re.test(s);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AmiFindError ? `${e.code}/${e.exitCode}` : `not AmiFindError: ${String(e)}`;
  }
  return undefined;
}

/** True when any value of the preset's name filter matches `name` as EC2 would. */
function nameMatches(preset: string, arch: string, name: string): boolean {
  const f = resolvePreset(preset, arch).filters.find((x) => x.Name === 'name')!;
  return f.Values!.some((v) => compileGlob(v)(name));
}

/** Real-looking official names per preset and arch (vendor naming schemes, domain-notes §3). */
const OFFICIAL: Record<string, Record<string, string[]>> = {
  'ubuntu:24.04': {
    x86_64: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610', 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240423.1'],
    arm64: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250610'],
  },
  'ubuntu:26.04': { x86_64: ['ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20260424'], arm64: ['ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-arm64-server-20260424'] },
  'ubuntu:22.04': { x86_64: ['ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240301'], arm64: ['ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-20240301.12'] },
  'ubuntu:20.04': { x86_64: ['ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20230112'], arm64: ['ubuntu/images/hvm-ssd/ubuntu-focal-20.04-arm64-server-20230112'] },
  al2023: {
    x86_64: ['al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64', 'al2023-ami-2023.10.20251207.0-kernel-6.1-x86_64'],
    arm64: ['al2023-ami-2023.6.20241212.0-kernel-6.1-arm64'],
  },
  'al2023-minimal': { x86_64: ['al2023-ami-minimal-2023.6.20241212.0-kernel-6.1-x86_64'], arm64: ['al2023-ami-minimal-2023.6.20241212.0-kernel-6.1-arm64'] },
  al2: {
    x86_64: ['amzn2-ami-kernel-5.10-hvm-2.0.20241217.0-x86_64-gp2', 'amzn2-ami-kernel-5.10-hvm-2.0.20250108.1-x86_64-gp2'],
    arm64: ['amzn2-ami-kernel-5.10-hvm-2.0.20241217.0-arm64-gp2'],
  },
  'debian:12': { x86_64: ['debian-12-amd64-20240717-1811'], arm64: ['debian-12-arm64-20240717-1811'] },
  'debian:13': { x86_64: ['debian-13-amd64-20250814-2204'], arm64: ['debian-13-arm64-20250814-2204'] },
  'rhel:9': { x86_64: ['RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3'], arm64: ['RHEL-9.6.0_HVM-20250513-arm64-0-Hourly2-GP3'] },
  'sles:15-sp7': { x86_64: ['suse-sles-15-sp7-v20250617-hvm-ssd-x86_64', 'suse-sles-15-sp7-v20250617-1-hvm-ssd-x86_64'], arm64: ['suse-sles-15-sp7-v20250617-hvm-ssd-arm64'] },
  'rocky:9': { x86_64: ['Rocky-9-EC2-Base-9.4-20240523.0.x86_64'], arm64: ['Rocky-9-EC2-Base-9.4-20240523.0.aarch64'] },
  'alma:9': { x86_64: ['AlmaLinux OS 9.4.20240507 x86_64', 'AlmaLinux OS 9.4.20240507.1 x86_64'], arm64: ['AlmaLinux OS 9.4.20240507 aarch64'] },
  'fedora:43': { x86_64: ['Fedora-Cloud-Base-AmazonEC2.x86_64-43-20251028.0'], arm64: ['Fedora-Cloud-Base-AmazonEC2.aarch64-43-20251028.0'] },
  'centos-stream:9': { x86_64: ['CentOS Stream 9 x86_64 20240429.0', 'CentOS Stream 9 x86_64 20240429'], arm64: ['CentOS Stream 9 aarch64 20240429.0'] },
  'windows:2025': { x86_64: ['Windows_Server-2025-English-Full-Base-2025.06.11', 'Windows_Server-2025-English-Full-Base-2025.06.11.1'] },
  'windows:2022': { x86_64: ['Windows_Server-2022-English-Full-Base-2025.06.11'] },
  'freebsd:14': { x86_64: ['FreeBSD 14.3-RELEASE-amd64', 'FreeBSD 14.2-RELEASE-amd64 UEFI-PREFERRED base UFS'], arm64: ['FreeBSD 14.3-RELEASE-arm64'] },
  'nixos:25.05': { x86_64: ['nixos/25.05.802216.55d1f923c480-x86_64-linux'], arm64: ['nixos/25.05.802216.55d1f923c480-aarch64-linux'] },
};

/** Names a preset must NOT match: other variants of the same distro, other versions, marketplace copies. */
const LOOKALIKES: Record<string, string[]> = {
  'ubuntu:24.04': [
    'ubuntu/images-testing/hvm-ssd-gp3/ubuntu-noble-daily-amd64-server-20250610',
    'ubuntu-minimal/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-minimal-20250610',
    'ubuntu-pro-server/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-pro-server-20250610',
    'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610-8c1e4d3a-ba51-4c1b-9e61-3c1f1c1a2b3c',
    'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250610',
    'ubuntu-eks/k8s_1.30/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610',
    'ubuntu/images/hvm-ssd-gp3/ubuntu-oracular-24.10-amd64-server-20250115',
  ],
  'ubuntu:22.04': ['ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240301-aced-copy', 'ubuntu/images/hvm-ssd/ubuntu-jammy-daily-amd64-server-20240301'],
  // Not the default kernel: the SSM pointer (kernel-default) names 6.1 images only.
  al2023: ['al2023-ami-2023.8.20250707.0-kernel-6.12-x86_64', 'al2023-ami-2023.10.20260115.0-kernel-6.18-x86_64',
    'al2023-ami-minimal-2023.6.20241212.0-kernel-6.1-x86_64', 'al2023-ami-ecs-hvm-2023.0.20241213-kernel-6.1-x86_64', 'al2023-ami-2023.6.20241212.0-kernel-6.1-arm64'],
  'al2023-minimal': ['al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64'],
  // Kernel 4.14 has an SSM pointer of its own (amzn2-ami-hvm-*): the preset follows kernel 5.10's.
  al2: ['amzn2-ami-hvm-2.0.20241217.0-x86_64-gp2', 'amzn2-ami-minimal-hvm-2.0.20241217.0-x86_64-ebs', 'amzn2-ami-ecs-hvm-2.0.20241217-x86_64-ebs', 'amzn-ami-hvm-2018.03.0.20231218.0-x86_64-gp2'],
  'debian:12': ['debian-12-amd64-daily-20240717-1811', 'debian-12-backports-amd64-20240717-1811', 'debian-13-amd64-20250814-2204', 'debian-12-arm64-20240717-1811'],
  'rhel:9': ['RHEL-9.4.0_HVM-20240605-x86_64-82-Access2-GP3', 'RHEL-9.0.0_HVM_BETA-20211026-x86_64-10-Hourly2-GP2', 'RHEL-8.10.0_HVM-20240605-x86_64-0-Hourly2-GP3', 'RHEL-SAP-9.4.0_HVM-20240605-x86_64-0-Hourly2-GP3'],
  'sles:15-sp7': ['suse-sles-15-sp7-byos-v20250617-hvm-ssd-x86_64', 'suse-sles-sap-15-sp7-v20250617-hvm-ssd-x86_64', 'suse-sles-15-sp6-v20250617-hvm-ssd-x86_64', 'suse-sles-15-sp7-chost-byos-v20250617-hvm-ssd-x86_64'],
  'rocky:9': ['Rocky-9-EC2-LVM-9.4-20240523.0.x86_64', 'Rocky-8-EC2-Base-8.10-20240528.0.x86_64'],
  'alma:9': ['AlmaLinux OS 9.4.20240507 x86_64-c076b20a-2305-4771-823f-944909847a05', 'AlmaLinux OS 9.4.20240507 x86_64 copy 2', 'AlmaLinux OS 8.10.20240530 x86_64', 'AlmaLinux Kitten OS 10 20250101 x86_64'],
  'fedora:43': ['Fedora-Cloud-Base-AmazonEC2.x86_64-Rawhide-20251028.n.0', 'Fedora-Cloud-Base-AmazonEC2.x86_64-42-20250414.0'],
  'centos-stream:9': ['CentOS Stream 10 x86_64 20250101.0', 'CentOS Stream 9 aarch64 20240429.0'],
  'windows:2025': ['Windows_Server-2025-English-Core-Base-2025.06.11', 'Windows_Server-2025-English-Full-Base-2025.06.11 copy 1', 'Windows_Server-2025-English-Full-SQL_2022_Standard-2025.06.11', 'Windows_Server-2025-English-Full-Base-2025.06.11-prod-x7y'],
  'freebsd:14': ['FreeBSD 14.3-STABLE-amd64-20250612 UEFI-PREFERRED base UFS', 'FreeBSD 15.0-RELEASE-amd64', 'FreeBSD 14.3-RELEASE-arm64'],
  'nixos:25.05': ['nixos/24.11.719113.50ab793786d9-x86_64-linux', 'nixos/25.05.802216.55d1f923c480-aarch64-linux'],
};

describe('resolvePreset', () => {
  test.each(PRESETS.flatMap((p) => Object.keys(p.names).map((a) => [p.name, a])))(
    'when %s is resolved for %s then it pins a numeric well-known owner and anchored name globs',
    (name, arch) => {
      const r = resolvePreset(name, arch);
      expect(r.owners).toHaveLength(1);
      expect(r.owners[0]).toMatch(/^\d{12}$/);
      expect(Object.keys(PUBLISHERS)).toContain(r.owners[0]);
      const names = r.filters.find((f) => f.Name === 'name')!.Values!;
      expect(names.length).toBeGreaterThan(0);
      for (const v of names) expect(v.startsWith('*')).toBe(false);
      expect(r.filters).toContainEqual({ Name: 'architecture', Values: [arch] });
      expect(r.description).toContain(r.owners[0]);
    },
  );

  test('when every preset is checked then each has real-looking official names to test against', () => {
    expect(Object.keys(OFFICIAL).sort()).toEqual(PRESETS.map((p) => p.name).sort());
  });

  test.each(Object.entries(OFFICIAL).flatMap(([p, byArch]) => Object.entries(byArch).flatMap(([a, ns]) => ns.map((n) => [p, a, n]))))(
    'when %s (%s) meets the official name %s then it matches',
    (preset, arch, name) => {
      expect(nameMatches(preset, arch, name)).toBe(true);
    },
  );

  test.each(Object.entries(LOOKALIKES).flatMap(([p, ns]) => ns.map((n) => [p, n])))(
    'when %s (x86_64) meets the look-alike %s then it does not match',
    (preset, name) => {
      expect(nameMatches(preset, 'x86_64', name)).toBe(false);
    },
  );

  test('when no architecture is given then x86_64 is used', () => {
    expect(resolvePreset('ubuntu:24.04')).toEqual(resolvePreset('ubuntu:24.04', 'x86_64'));
  });

  test('when amd64 or aarch64 is given then it means x86_64 or arm64', () => {
    expect(resolvePreset('debian:12', 'amd64')).toEqual(resolvePreset('debian:12', 'x86_64'));
    expect(resolvePreset('debian:12', 'aarch64')).toEqual(resolvePreset('debian:12', 'arm64'));
  });

  test('when a family name or codename alias is given then it resolves like the versioned preset', () => {
    expect(resolvePreset('ubuntu')).toEqual(resolvePreset('ubuntu:26.04'));
    expect(resolvePreset('ubuntu:jammy', 'arm64')).toEqual(resolvePreset('ubuntu:22.04', 'arm64'));
    expect(resolvePreset('UBUNTU:24.04')).toEqual(resolvePreset('ubuntu:24.04'));
    expect(resolvePreset('debian')).toEqual(resolvePreset('debian:13'));
  });

  test('when the preset is unknown then it is a usage error with a did-you-mean', () => {
    expect(codeOf(() => resolvePreset('ubunty:24.04'))).toBe('E_UNKNOWN_PRESET/2');
    try { resolvePreset('ubunty:24.04'); } catch (e) { expect((e as Error).message).toContain("did you mean 'ubuntu:24.04'"); }
  });

  test('when the family is known but the version is not then the hint lists the family', () => {
    expect(codeOf(() => resolvePreset('ubuntu:18.04'))).toBe('E_UNKNOWN_PRESET/2');
    try { resolvePreset('ubuntu:18.04'); } catch (e) { expect((e as AmiFindError).hint).toContain('ubuntu:26.04, ubuntu:24.04, ubuntu:22.04'); }
  });

  test('when the architecture is not published for the preset then it is a usage error', () => {
    expect(codeOf(() => resolvePreset('windows:2025', 'arm64'))).toBe('E_PRESET_ARCH/2');
    expect(codeOf(() => resolvePreset('ubuntu:24.04', 'i386'))).toBe('E_PRESET_ARCH/2');
  });

  test('when the region is GovCloud or China then Canonical\'s account there is pinned', () => {
    expect(resolvePreset('ubuntu:24.04', 'x86_64', 'us-gov-west-1').owners).toEqual(['513442679011']);
    expect(resolvePreset('ubuntu:24.04', 'x86_64', 'cn-north-1').owners).toEqual(['837727238323']);
    expect(codeOf(() => resolvePreset('rocky:9', 'x86_64', 'cn-north-1'))).toBe('E_PRESET_PARTITION/2');
  });
});

describe('preset table', () => {
  test('when names and aliases are collected then none repeats', () => {
    const names = presetNames();
    expect(new Set(names).size).toBe(names.length);
  });

  test('when publisher names are looked up then well-known owners have one and others do not', () => {
    expect(publisherName('099720109477')).toBe('Canonical');
    expect(publisherName('679593333241')).toBeUndefined();
    expect(publisherName('toString')).toBeUndefined();
  });

  test('when presets are listed and formatted then every preset, owner and glob appears', () => {
    const text = formatPresetList();
    for (const p of PRESETS) {
      expect(text).toContain(p.name);
      expect(text).toContain(p.owners.aws);
      for (const n of Object.values(p.names).flat()) expect(text).toContain(n);
      for (const s of Object.values(p.ssm ?? {})) expect(text).toContain(s);
    }
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('README presets list', () => {
  test('when the README Presets section is read then its list names every preset, in the order of `ami-find presets`', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('The presets: ');
    expect(start).toBeGreaterThan(-1);
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    const named = [...paragraph.matchAll(/`([a-z0-9.:-]+)`/g)].map((m) => m[1]);
    expect(named.filter((n) => PRESETS.some((p) => p.name === n))).toEqual(PRESETS.map((p) => p.name));
  });
});
