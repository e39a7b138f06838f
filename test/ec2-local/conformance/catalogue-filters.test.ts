/**
 * The generated catalogue carries the rarer members and values real images carry, so the documented
 * filters on them match something through the endpoint.
 */
import { DescribeImagesCommand, type Filter } from '@aws-sdk/client-ec2';
import { generateCatalogue } from '../catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../server/index.js';
import { client, errorOf } from './support.js';
import { SELF_ACCOUNT } from '../../support/accounts.js';

let server: Ec2Local;
beforeAll(async () => { server = await startEc2Local({ catalogue: generateCatalogue({ seed: 'rare-filters' }) }); });
afterAll(async () => { await server.close(); });

async function count(filter: Filter, region = 'us-east-1'): Promise<number> {
  const out = await client(server, region).send(new DescribeImagesCommand({ Filters: [filter], IncludeDeprecated: true, IncludeDisabled: true }));
  return out.Images?.length ?? 0;
}

test.each([
  ['block-device-mapping.volume-type', 'io1'],
  ['block-device-mapping.volume-type', 'io2'],
  ['block-device-mapping.volume-type', 'st1'],
  ['block-device-mapping.volume-type', 'sc1'],
  ['block-device-mapping.device-name', '/dev/sdg'],
  ['scan-result.highest-finding-severity-label', '*'],
  ['scan-result.finding-scan-date', '20*'],
  ['instance-type-specification.supported-instance-type', '*.large'],
  ['instance-type-specification.unsupported-instance-type', 't2.micro'],
])('when filtering on %s = %s then some generated image matches', async (name, value) => {
  expect(await count({ Name: name, Values: [value] })).toBeGreaterThan(0);
});

// Watermarks name the source of a copy, and copies live outside the home region (us-east-1).
test.each([
  ['image-watermark.source-image-id', 'ami-*'],
  ['image-watermark.watermark-key', 'wm-*'],
  ['image-watermark.source-image-region', 'us-east-1'],
])('when filtering copies on %s = %s then some generated image matches', async (name, value) => {
  const counts = await Promise.all(['us-west-2', 'eu-west-1'].map((r) => count({ Name: name, Values: [value] }, r)));
  expect(counts[0]! + counts[1]!).toBeGreaterThan(0);
});

test('when filtering on product-code.type = devpay then some generated partner image matches in some region', async () => {
  const counts = await Promise.all(['us-east-1', 'us-west-2', 'eu-west-1'].map((r) => count({ Name: 'product-code.type', Values: ['devpay'] }, r)));
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});

async function everywhere(filter: Filter): Promise<number> {
  const counts = await Promise.all(['us-east-1', 'us-west-2', 'eu-west-1'].map((r) => count(filter, r)));
  return counts.reduce((a, b) => a + b, 0);
}

// States, image types and architectures the main lines never make (catalogue/naming/rare-lines.ts).
test.each([
  ['state', 'pending'], ['state', 'failed'], ['state', 'error'], ['state', 'invalid'], ['state', 'transient'],
  ['state-reason-code', 'Client.InstanceTerminated'], ['state-reason-code', 'Client.InvalidSnapshot.NotFound'],
  ['state-reason-code', 'Server.InternalError'], ['state-reason-message', '*during AMI creation*'],
  ['image-type', 'kernel'], ['image-type', 'ramdisk'], ['ramdisk-id', 'ari-*'], ['kernel-id', 'aki-*'],
  ['architecture', 'x86_64_mac'], ['architecture', 'arm64_mac'],
])('when filtering on %s = %s then some generated image matches in some region', async (name, value) => {
  expect(await everywhere({ Name: name, Values: [value] })).toBeGreaterThan(0);
});

test('when images are in another state than available then failed, invalid and error ones carry a StateReason', async () => {
  const out = await Promise.all(['us-east-1', 'us-west-2', 'eu-west-1'].map((r) => client(server, r).send(new DescribeImagesCommand({
    Filters: [{ Name: 'state', Values: ['failed', 'invalid', 'error'] }] }))));
  const images = out.flatMap((o) => o.Images ?? []);
  expect(images.length).toBeGreaterThanOrEqual(3);
  for (const i of images) expect(i.StateReason?.Code).toMatch(/^(Client|Server)\./);
});

test('when kernels and ramdisks are described then they have no mappings and no kernel of their own', async () => {
  const out = await client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'image-type', Values: ['kernel', 'ramdisk'] }] }));
  const images = out.Images ?? [];
  expect(images.length).toBeGreaterThan(0);
  for (const i of images) {
    expect(i.ImageId).toMatch(i.ImageType === 'kernel' ? /^aki-/ : /^ari-/);
    expect(i.KernelId).toBeUndefined();
    expect(i.BlockDeviceMappings ?? []).toEqual([]);
  }
  // Asked for by their aki-/ari- IDs, they come back (not InvalidAMIID.Malformed).
  const two = [images.find((i) => i.ImageType === 'kernel')!.ImageId!, images.find((i) => i.ImageType === 'ramdisk')!.ImageId!];
  const byId = await client(server).send(new DescribeImagesCommand({ ImageIds: two }));
  expect((byId.Images ?? []).map((i) => i.ImageId).sort()).toEqual([...two].sort());
});

test('when filtering on a public SSM parameter then previous images of the parameter match too, the current one among them', async () => {
  const param = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
  const out = await client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'public-ssm-parameter-name', Values: [param] }], IncludeDeprecated: true }));
  const images = out.Images ?? [];
  // "Returns all AMIs that have ever been associated with the parameter, including previous versions" (JS SDK filter doc).
  expect(images.filter((i) => i.PublicSsmParameterName === param)).toHaveLength(1);
  expect(images.filter((i) => i.PublicSsmParameterName === undefined).length).toBeGreaterThan(0);
  expect(new Set(images.map((i) => i.Name?.replace(/2023\.\d+\.\d{8}\.\d+/, 'V')))).toEqual(new Set(['al2023-ami-V-kernel-6.1-x86_64']));
});

describe('Allowed AMIs (an account setting, README "Catalogue")', () => {
  const catalogue = generateCatalogue({ images: 1000, seed: 'allowed-amis' });
  const providers = ['amazon'];
  async function listing(state?: 'enabled' | 'audit-mode', filters: Filter[] = []) {
    const s = await startEc2Local({ catalogue, policy: { shortPageRate: 0, ...(state ? { allowedAmis: { state, imageProviders: providers } } : {}) } });
    try {
      return (await client(s).send(new DescribeImagesCommand({ Filters: filters }))).Images ?? [];
    } finally {
      await s.close();
    }
  }

  test('when the setting is disabled then no image carries ImageAllowed', async () => {
    const images = await listing();
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((i) => i.ImageAllowed !== undefined)).toEqual([]);
  });

  test('when the setting is in audit mode then every image is shown with ImageAllowed, and image-allowed filters on it', async () => {
    const all = await listing('audit-mode');
    const yes = all.filter((i) => i.ImageAllowed === true);
    const no = all.filter((i) => i.ImageAllowed === false);
    expect(yes.length + no.length).toBe(all.length);
    expect(yes.every((i) => i.ImageOwnerAlias === 'amazon' || i.OwnerId === SELF_ACCOUNT)).toBe(true);
    expect(no.length).toBeGreaterThan(0);
    expect((await listing('audit-mode', [{ Name: 'image-allowed', Values: ['false'] }])).map((i) => i.ImageId).sort())
      .toEqual(no.map((i) => i.ImageId).sort());
  });

  test('when the setting is enabled then only allowed images are discoverable, each with ImageAllowed true', async () => {
    const audit = await listing('audit-mode');
    const enabled = await listing('enabled');
    expect(enabled.map((i) => i.ImageId).sort()).toEqual(audit.filter((i) => i.ImageAllowed).map((i) => i.ImageId).sort());
    expect(enabled.every((i) => i.ImageAllowed === true)).toBe(true);
    const hidden = audit.find((i) => i.ImageAllowed === false)!;
    const s = await startEc2Local({ catalogue, policy: { allowedAmis: { state: 'enabled', imageProviders: providers } } });
    try {
      expect((await errorOf(client(s).send(new DescribeImagesCommand({ ImageIds: [hidden.ImageId!] })))).name).toBe('InvalidAMIID.NotFound');
    } finally {
      await s.close();
    }
  });
});
