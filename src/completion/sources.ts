/**
 * Candidate data that other modules will own but have not published yet. PROVISIONAL: the
 * publishers and presets come from ../shared/domain-notes.md section 3 until src/query/presets.ts
 * (PRESETS) lands, and the columns until src/output publishes its column spec; then this file
 * becomes a re-export of those tables.
 */
import type { Candidate } from './model-types.js';

/** Well-known publisher accounts, with the publisher's name as the description. */
export const PUBLISHER_CANDIDATES: readonly Candidate[] = [
  { value: '099720109477', description: 'Canonical (Ubuntu)' },
  { value: '513442679011', description: 'Canonical (Ubuntu, GovCloud)' },
  { value: '837727238323', description: 'Canonical (Ubuntu, China)' },
  { value: '137112412989', description: 'Amazon (Amazon Linux)' },
  { value: '801119661308', description: 'Amazon (Windows Server)' },
  { value: '136693071363', description: 'Debian' },
  { value: '309956199498', description: 'Red Hat (RHEL)' },
  { value: '013907871322', description: 'SUSE (SLES)' },
  { value: '792107900819', description: 'Rocky Enterprise Software Foundation (Rocky Linux)' },
  { value: '764336703387', description: 'AlmaLinux OS Foundation' },
  { value: '125523088429', description: 'Fedora Project (Fedora, CentOS Stream)' },
  { value: '782442783595', description: 'FreeBSD' },
  { value: '427812963091', description: 'NixOS' },
];

/** Distro presets (the main command's positional argument). */
export const PRESET_CANDIDATES: readonly Candidate[] = [
  { value: 'ubuntu:24.04', description: 'Ubuntu 24.04 LTS (Canonical)' },
  { value: 'ubuntu:22.04', description: 'Ubuntu 22.04 LTS (Canonical)' },
  { value: 'al2023', description: 'Amazon Linux 2023' },
  { value: 'al2', description: 'Amazon Linux 2' },
  { value: 'debian:12', description: 'Debian 12' },
  { value: 'debian:13', description: 'Debian 13' },
  { value: 'rhel:9', description: 'Red Hat Enterprise Linux 9' },
  { value: 'sles:15-sp7', description: 'SUSE Linux Enterprise Server 15 SP7' },
  { value: 'rocky:9', description: 'Rocky Linux 9' },
  { value: 'alma:9', description: 'AlmaLinux 9' },
  { value: 'fedora:43', description: 'Fedora 43' },
  { value: 'centos-stream:9', description: 'CentOS Stream 9' },
  { value: 'windows:2022', description: 'Windows Server 2022' },
  { value: 'windows:2025', description: 'Windows Server 2025' },
  { value: 'freebsd:14', description: 'FreeBSD 14' },
  { value: 'nixos:25.05', description: 'NixOS 25.05' },
];

/** Column names `--columns` accepts. */
export const COLUMN_CANDIDATES: readonly Candidate[] = [
  'image-id', 'name', 'creation-date', 'owner', 'architecture', 'state', 'platform',
  'root-device-type', 'virtualization-type', 'deprecation-time', 'public', 'description',
].map((value) => ({ value, description: '' }));
