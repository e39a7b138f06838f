import { describe, expect, test } from '@jest/globals';
import { compareVersionedNames } from '../../../src/select/version-compare.js';

const newer = (a: string, b: string) => compareVersionedNames(a, b) > 0 && compareVersionedNames(b, a) < 0;

describe('compareVersionedNames', () => {
  test('when Ubuntu serials differ then the later date is newer', () => {
    expect(newer('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250115',
      'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20241201')).toBe(true);
  });
  test('when SUSE service packs differ then sp7 beats a later-built sp6', () => {
    expect(newer('suse-sles-15-sp7-v20250601-hvm-ssd-x86_64', 'suse-sles-15-sp6-v20250701-hvm-ssd-x86_64')).toBe(true);
  });
  test('when AL2023 minor versions reach two digits then 2023.10 beats 2023.6 (versions, not decimals)', () => {
    expect(newer('al2023-ami-2023.10.20251201.0-kernel-6.1-x86_64', 'al2023-ami-2023.6.20250101.0-kernel-6.1-x86_64')).toBe(true);
  });
  test('when RHEL minors are 9.10 and 9.4 then 9.10 is newer', () => {
    expect(newer('RHEL-9.10.0_HVM-20250101-x86_64-0-Hourly2-GP3', 'RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3')).toBe(true);
  });
  test('when amzn2 builds differ then the later build is newer', () => {
    expect(newer('amzn2-ami-kernel-5.10-hvm-2.0.20250108.0-x86_64-gp2', 'amzn2-ami-kernel-5.10-hvm-2.0.20241217.0-x86_64-gp2')).toBe(true);
  });
  test('when Windows dotted dates differ then the later is newer', () => {
    expect(newer('Windows_Server-2025-English-Full-Base-2025.02.12', 'Windows_Server-2025-English-Full-Base-2025.01.15')).toBe(true);
  });
  test('when Rocky point releases differ then 9.5 beats 9.4', () => {
    expect(newer('Rocky-9-EC2-Base-9.5-20241118.0.x86_64', 'Rocky-9-EC2-Base-9.4-20240609.1.x86_64')).toBe(true);
  });
  test('when Debian serials differ then the later is newer', () => {
    expect(newer('debian-12-amd64-20250210-2019', 'debian-12-amd64-20250112-1990')).toBe(true);
  });
  test('when names are equal then 0', () => {
    expect(compareVersionedNames('debian-12-amd64-1', 'debian-12-amd64-1')).toBe(0);
  });
  test('when one name extends the other then the longer one sorts after', () => {
    expect(newer('2023.10.1', '2023.10')).toBe(true);
  });
  test('when numbers differ only in leading zeros then the order is still total and deterministic', () => {
    expect(compareVersionedNames('a-01', 'a-1')).not.toBe(0);
    expect(Math.sign(compareVersionedNames('a-01', 'a-1'))).toBe(-Math.sign(compareVersionedNames('a-1', 'a-01')));
    expect(newer('a-2', 'a-01')).toBe(true);
  });
  test('when digit runs exceed 2^53 then they still compare exactly', () => {
    expect(newer('x-90071992547409930', 'x-90071992547409929')).toBe(true);
  });
  test('when sorted then a shuffled list comes out in version order', () => {
    const names = ['v1.10', 'v1.2', 'v1.9', 'v2.0', 'v1.2.1', 'v10.0'];
    expect([...names].sort(compareVersionedNames)).toEqual(['v1.2', 'v1.2.1', 'v1.9', 'v1.10', 'v2.0', 'v10.0']);
  });
});
