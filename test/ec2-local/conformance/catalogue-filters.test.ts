/**
 * The generated catalogue carries the rarer members and values real images carry, so the documented
 * filters on them match something through the endpoint (issue 17 item 4).
 */
import { DescribeImagesCommand, type Filter } from '@aws-sdk/client-ec2';
import { generateCatalogue } from '../catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../server/index.js';
import { client } from './support.js';

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
