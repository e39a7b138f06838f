/** Common trait sets (billing codes from the EC2 "AMI billing information" fields doc). */
import type { Traits } from './line.js';

/** Linux/UNIX on gp3, UEFI-preferred on x86 and UEFI on arm (Ubuntu 24.04, AL2023 style). */
export const LINUX_GP3: Traits = {
  platformDetails: 'Linux/UNIX',
  usageOperation: 'RunInstances',
  rootDevice: '/dev/xvda',
  volumeSize: 8,
  volumeType: 'gp3',
  bootMode: { x86_64: 'uefi-preferred', arm64: 'uefi' },
  ena: true,
  sriov: true,
};

/** Linux/UNIX on gp2 with legacy BIOS on x86 (Ubuntu 20.04/22.04, AL2 style). */
export const LINUX_GP2: Traits = {
  ...LINUX_GP3,
  volumeType: 'gp2',
  bootMode: { arm64: 'uefi' },
};

/** Red Hat's billing code. */
export const RHEL: Traits = {
  ...LINUX_GP3,
  platformDetails: 'Red Hat Enterprise Linux',
  usageOperation: 'RunInstances:0010',
  volumeSize: 10,
};

/** SUSE's billing code. */
export const SUSE: Traits = {
  ...LINUX_GP3,
  platformDetails: 'SUSE Linux',
  usageOperation: 'RunInstances:000g',
  volumeSize: 10,
};

/** Windows on gp2/gp3 /dev/sda1 30 GiB. */
export const WINDOWS: Traits = {
  platformDetails: 'Windows',
  usageOperation: 'RunInstances:0002',
  windows: true,
  rootDevice: '/dev/sda1',
  volumeSize: 30,
  volumeType: 'gp2',
  ena: true,
  sriov: true,
};
