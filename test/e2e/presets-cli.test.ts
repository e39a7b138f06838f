/**
 * Presets through the built binary: `ami-find presets`, a preset with --arch/--latest against the
 * local endpoint, --explain showing the expansion, and the usage errors for unknown presets and
 * unpublished architectures.
 */
import { PRESETS } from '../../src/query/presets.js';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { Catalogue } from '../ec2-local/types.js';
import { localAwsEnv } from '../support/accounts.js';
import { requireBuilt, runBin } from './cli-support.js';

let server: Ec2Local;
let catalogue: Catalogue;

beforeAll(async () => {
  requireBuilt();
  catalogue = generateCatalogue({ images: 2000, seed: 'presets-cli' });
  server = await startEc2Local({ catalogue });
});
afterAll(async () => {
  await server?.close();
});

const run = (...args: string[]) => runBin(args, localAwsEnv(server.url));

test('when `ami-find presets` runs then every preset is listed with its owner, on stdout, exit 0', async () => {
  const r = await run('presets');
  expect(r.code).toBe(0);
  for (const p of PRESETS) {
    expect(r.stdout).toMatch(new RegExp(`^${p.name.replace('.', '\\.')} .*\\(owner ${p.owners.aws}\\)$`, 'm'));
  }
  expect(r.stderr).toBe('');
});

test('when ubuntu:24.04 --arch arm64 --latest runs then it prints Canonical\'s newest noble arm64 image', async () => {
  const now = Date.now();
  const expected = catalogue.images
    .filter((i) => i.Region === 'us-east-1' && i.OwnerId === '099720109477' && i.Architecture === 'arm64' && i.State === 'available'
      && /^ubuntu\/images\/hvm-ssd-gp3\/ubuntu-noble-24\.04-arm64-server-\d{8}(\.\d+)?$/.test(i.Name ?? '')
      && (!i.DeprecationTime || Date.parse(i.DeprecationTime) > now))
    .sort((a, b) => Date.parse(b.CreationDate!) - Date.parse(a.CreationDate!));
  expect(expected.length).toBeGreaterThan(0);
  const r = await run('ubuntu:24.04', '--arch', 'arm64', '--latest', '--output', 'ids');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`${expected[0]!.ImageId}\n`);
});

test('when a preset is explained then the request pins the numeric owner and the anchored globs', async () => {
  const r = await run('al2023', '--arch', 'arm64', '--explain');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Owner.1=137112412989');
  expect(r.stdout).toContain('al2023-ami-2023.*-kernel-6.1-arm64');
  expect(r.stdout).not.toContain('owner-alias');
  expect(server.requests.filter((q) => q.action === 'DescribeImages' && q.params['Filter.1.Value.1']?.includes('al2023'))).toHaveLength(0);
});

test('when the preset is unknown then exit 2 with a did-you-mean, and nothing on stdout', async () => {
  const r = await run('ubunty:24.04');
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain("did you mean 'ubuntu:24.04'");
});

test('when the preset is not published for the architecture then exit 2 naming what it has', async () => {
  const r = await run('windows:2025', '--arch', 'arm64');
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/no arm64 images/);
  expect(r.stderr).toContain('x86_64');
});
