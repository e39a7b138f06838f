import { formatImageDetails, type DetailsStyle } from '../../../src/output/details.js';
import { isDeprecated } from '../../../src/output/columns.js';
import { relativeAgeLong as relativeAge } from '../../../src/output/age.js';
import type { Image } from '../../../src/types.js';

const NOW = new Date('2026-11-27T00:00:00.000Z');

const UBUNTU: Image = {
  ImageId: 'ami-0a1b2c3d4e5f60718',
  Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260901',
  Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
  OwnerId: '099720109477',
  State: 'available',
  Public: true,
  CreationDate: '2026-09-01T10:00:00.000Z',
  DeprecationTime: '2028-09-01T10:00:00.000Z',
  Architecture: 'x86_64',
  PlatformDetails: 'Linux/UNIX',
  UsageOperation: 'RunInstances',
  VirtualizationType: 'hvm',
  Hypervisor: 'xen',
  BootMode: 'uefi-preferred',
  ImdsSupport: 'v2.0',
  TpmSupport: 'v2.0',
  EnaSupport: true,
  SriovNetSupport: 'simple',
  RootDeviceName: '/dev/sda1',
  RootDeviceType: 'ebs',
  BlockDeviceMappings: [
    { DeviceName: '/dev/sda1', Ebs: { SnapshotId: 'snap-0123456789abcdef0', VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true, Encrypted: false } },
    { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
  ],
  Tags: [{ Key: 'team', Value: 'web' }],
  ProductCodes: [{ ProductCodeId: 'abc123', ProductCodeType: 'marketplace' }],
  PublicSsmParameterName: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
};

describe('relativeAge', () => {
  test('when the date is in the past then it reads "N units ago"', () => {
    expect(relativeAge(new Date('2026-11-24T00:00:00Z'), NOW)).toBe('3 days ago');
    expect(relativeAge(new Date('2026-11-26T23:00:00Z'), NOW)).toBe('1 hour ago');
  });
  test('when the date is in the future then it reads "in N units"', () => {
    expect(relativeAge(new Date('2028-12-01T00:00:00Z'), NOW)).toBe('in 2 years');
  });
  test('when the date is now then it reads "just now"', () => {
    expect(relativeAge(NOW, NOW)).toBe('just now');
  });
});

describe('formatImageDetails', () => {
  const text = formatImageDetails(UBUNTU, NOW);

  test('when EC2 lists block devices, tags and product codes in another order then the text is the same (root device first)', () => {
    const img: Image = {
      ImageId: 'ami-1', OwnerId: '123456789012', State: 'available', RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvdb', VirtualName: 'ephemeral0' }, { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }, { DeviceName: '/dev/sdf', NoDevice: '' }],
      Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }],
      ProductCodes: [{ ProductCodeId: 'zz', ProductCodeType: 'marketplace' }, { ProductCodeId: 'aa', ProductCodeType: 'devpay' }],
    };
    const reversed: Image = {
      ...img,
      BlockDeviceMappings: [...img.BlockDeviceMappings!].reverse(),
      Tags: [...img.Tags!].reverse(),
      ProductCodes: [...img.ProductCodes!].reverse(),
    };
    const t = formatImageDetails(img, NOW);
    expect(formatImageDetails(reversed, NOW)).toBe(t);
    expect(t.indexOf('/dev/xvda')).toBeLessThan(t.indexOf('/dev/sdf'));
    expect(t.indexOf('/dev/sdf')).toBeLessThan(t.indexOf('/dev/xvdb'));
    expect(t.indexOf('a = 1')).toBeLessThan(t.indexOf('b = 2'));
  });
  test('when an image is shown then identity, publisher and every field group appear', () => {
    expect(text.split('\n')[0]).toBe(`${UBUNTU.ImageId}  ${UBUNTU.Name}`);
    expect(text).toMatch(/Owner\s+099720109477 \(Canonical\)/);
    expect(text).toMatch(/Created\s+2026-09-01T10:00:00.000Z \(2 months ago\)/);
    expect(text).toMatch(/Deprecation\s+2028-09-01T10:00:00.000Z \(in 1 year\)/);
    expect(text).toMatch(/Boot mode\s+uefi-preferred/);
    expect(text).toMatch(/IMDS\s+v2.0/);
    expect(text).toMatch(/TPM\s+v2.0/);
    expect(text).toMatch(/ENA\s+supported/);
    expect(text).toContain('/dev/sda1  snap-0123456789abcdef0  8 GiB  gp3  delete on termination');
    expect(text).toContain('/dev/sdb  ephemeral0');
    expect(text).toContain('team = web');
    expect(text).toContain('abc123 (marketplace)');
    expect(text).toContain(UBUNTU.PublicSsmParameterName);
    expect(text).not.toContain('[deprecated]');
    expect(text.endsWith('\n')).toBe(true);
  });

  test('when the image is deprecated and disabled then both marks and the past deprecation show', () => {
    const img: Image = { ...UBUNTU, State: 'disabled', DeprecationTime: '2026-11-01T00:00:00Z', LastLaunchedTime: '2026-11-20T00:00:00Z',
      StateReason: { Code: 'Client.UserInitiated', Message: 'disabled by owner' } };
    const t = formatImageDetails(img, NOW);
    expect(isDeprecated(img, NOW)).toBe(true);
    expect(t.split('\n')[0]).toContain('[deprecated] [disabled]');
    expect(t).toMatch(/Deprecation\s+2026-11-01T00:00:00Z \(deprecated 26 days ago\)/);
    expect(t).toMatch(/Last launched\s+2026-11-20T00:00:00Z \(7 days ago\)/);
    expect(t).toMatch(/State reason\s+Client.UserInitiated: disabled by owner/);
  });

  test('when optional fields are absent then defaults are explained and nothing is undefined', () => {
    const t = formatImageDetails({ ImageId: 'ami-1', OwnerId: '123456789012', State: 'available' }, NOW);
    expect(t).toMatch(/IMDS\s+not set/);
    expect(t).toMatch(/TPM\s+not supported/);
    expect(t).not.toContain('undefined');
    expect(t).not.toContain('Tags');
  });

  test('when a style is given then labels and warnings go through it', () => {
    const style: DetailsStyle = { title: (s) => `<t>${s}</t>`, label: (s) => `<l>${s}</l>`, dim: (s) => s, warn: (s) => `<w>${s}</w>` };
    const t = formatImageDetails({ ...UBUNTU, DeprecationTime: '2026-01-01T00:00:00Z' }, NOW, style);
    expect(t.startsWith('<t>ami-')).toBe(true);
    expect(t).toContain('<w>[deprecated]</w>');
    expect(t).toContain('<l>Owner');
  });
});
