/**
 * Every preset, for every architecture it is published for, run through findImages against the
 * local endpoint serving H2's generated catalogue: it returns exactly the images its publisher names
 * that way (an oracle regex written here, independently of the preset's globs) and never a
 * look-alike (same or similar name, another owner; the publisher's own minimal/daily/Pro/BYOS lines).
 */
import { findImages } from '../../src/index.js';
import { PRESETS, resolvePreset } from '../../src/query/presets.js';
import { LatestKeeper } from '../../src/select/latest.js';
import type { Image } from '../../src/types.js';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { Catalogue } from '../ec2-local/types.js';
import { localAwsEnv } from '../support/accounts.js';

const NOW = new Date('2026-11-27T00:00:00.000Z');
const REGION = 'us-east-1';

/** What each preset must find, per arch: the publisher's account and the vendor naming scheme. */
const ORACLE: Record<string, { owner: string; names: Record<string, RegExp> }> = {
  'ubuntu:26.04': { owner: '099720109477', names: ubuntu('resolute', '26.04', 'hvm-ssd-gp3') },
  'ubuntu:24.04': { owner: '099720109477', names: ubuntu('noble', '24.04', 'hvm-ssd-gp3') },
  'ubuntu:22.04': { owner: '099720109477', names: ubuntu('jammy', '22.04', 'hvm-ssd') },
  'ubuntu:20.04': { owner: '099720109477', names: ubuntu('focal', '20.04', 'hvm-ssd') },
  // The default kernel only (6.1), as the SSM pointer .../al2023-ami-kernel-default-* names it.
  al2023: { owner: '137112412989', names: byArch((a) => new RegExp(`^al2023-ami-2023\\.\\d+\\.\\d{8}\\.\\d+-kernel-6\\.1-${a}$`)) },
  'al2023-minimal': { owner: '137112412989', names: byArch((a) => new RegExp(`^al2023-ami-minimal-2023\\.\\d+\\.\\d{8}\\.\\d+-kernel-6\\.1-${a}$`)) },
  al2: { owner: '137112412989', names: byArch((a) => new RegExp(`^amzn2-ami-kernel-5\\.10-hvm-2\\.0\\.\\d{8}\\.\\d+-${a}-gp2$`)) },
  'debian:12': { owner: '136693071363', names: byArch((a) => new RegExp(`^debian-12-${a === 'arm64' ? 'arm64' : 'amd64'}-\\d{8}-\\d+(-\\d+)?$`)) },
  'debian:13': { owner: '136693071363', names: byArch((a) => new RegExp(`^debian-13-${a === 'arm64' ? 'arm64' : 'amd64'}-\\d{8}-\\d+(-\\d+)?$`)) },
  'rhel:9': { owner: '309956199498', names: byArch((a) => new RegExp(`^RHEL-9\\.\\d+\\.\\d+_HVM-\\d{8}-${a}-[\\d.]+-Hourly2-GP3$`)) },
  'sles:15-sp7': { owner: '013907871322', names: byArch((a) => new RegExp(`^suse-sles-15-sp7-v\\d{8}(-\\d+)?-hvm-ssd-${a}$`)) },
  'rocky:9': { owner: '792107900819', names: byArch((a) => new RegExp(`^Rocky-9-EC2-Base-9\\.\\d+-\\d{8}\\.\\d+\\.${rpm(a)}$`)) },
  'alma:9': { owner: '764336703387', names: byArch((a) => new RegExp(`^AlmaLinux OS 9\\.\\d+\\.\\d{8}(\\.\\d+)? ${rpm(a)}$`)) },
  'fedora:43': { owner: '125523088429', names: byArch((a) => new RegExp(`^Fedora-Cloud-Base-AmazonEC2\\.${rpm(a)}-43-\\d{8}\\.\\d+$`)) },
  'centos-stream:9': { owner: '125523088429', names: byArch((a) => new RegExp(`^CentOS Stream 9 ${rpm(a)} \\d{8}(\\.\\d+)?$`)) },
  'windows:2025': { owner: '801119661308', names: { x86_64: /^Windows_Server-2025-English-Full-Base-\d{4}\.\d\d\.\d\d(\.\d+)?$/ } },
  'windows:2022': { owner: '801119661308', names: { x86_64: /^Windows_Server-2022-English-Full-Base-\d{4}\.\d\d\.\d\d(\.\d+)?$/ } },
  'freebsd:14': { owner: '782442783595', names: byArch((a) => new RegExp(`^FreeBSD 14\\.\\d-RELEASE-${a === 'arm64' ? 'arm64' : 'amd64'}\\b.*$`)) },
  'nixos:25.05': { owner: '427812963091', names: byArch((a) => new RegExp(`^nixos/25\\.05\\.\\d+\\.[0-9a-f]+-${rpm(a)}-linux$`)) },
};

function rpm(a: string): string {
  return a === 'arm64' ? 'aarch64' : 'x86_64';
}
function byArch(f: (a: string) => RegExp): Record<string, RegExp> {
  return { x86_64: f('x86_64'), arm64: f('arm64') };
}
function ubuntu(code: string, v: string, path: string): Record<string, RegExp> {
  const esc = v.replace('.', '\\.');
  const re = (a: string) => new RegExp(`^ubuntu/images/${path}/ubuntu-${code}-${esc}-${a}-server-\\d{8}(\\.\\d+)?$`);
  return { x86_64: re('amd64'), arm64: re('arm64') };
}

let server: Ec2Local;
let catalogue: Catalogue;
const savedEnv = { ...process.env };

beforeAll(async () => {
  catalogue = generateCatalogue({ images: 20000, seed: 'presets', now: NOW });
  server = await startEc2Local({ catalogue });
  process.env = { ...localAwsEnv(server.url) };
});
afterAll(async () => {
  process.env = savedEnv;
  await server?.close();
});

/** Images in the home region the caller sees, deprecated ones included (so every build counts). */
function visible(): Image[] {
  return catalogue.images.filter((i) => i.Region === REGION && i.Public && i.State === 'available');
}

async function run(preset: string, arch: string): Promise<Image[]> {
  const r = resolvePreset(preset, arch, REGION);
  const out: Image[] = [];
  const listing = findImages({ owners: r.owners, filters: r.filters, includeDeprecated: true },
    { aws: { region: REGION, endpoint: server.url, maxAttempts: 1 }, pagination: { PageSize: 1000 } });
  for await (const image of listing) out.push(image);
  return out;
}

let lookalikesSeen = 0;
const CASES = PRESETS.flatMap((p) => Object.keys(p.names).map((a) => [p.name, a] as [string, string]));

test('when the oracle is checked then it covers every preset and architecture', () => {
  expect(CASES.map(([p, a]) => `${p}/${a}`).sort())
    .toEqual(Object.entries(ORACLE).flatMap(([p, o]) => Object.keys(o.names).map((a) => `${p}/${a}`)).sort());
});

test.each(CASES)('when %s (%s) runs on the catalogue then it finds exactly its publisher\'s images and no look-alike', async (preset, arch) => {
  const oracle = ORACLE[preset]!;
  const re = oracle.names[arch]!;
  const expected = visible().filter((i) => i.OwnerId === oracle.owner && re.test(i.Name ?? '') && i.Architecture === arch);
  const lookalikes = visible().filter((i) => i.OwnerId !== oracle.owner && re.test(i.Name ?? ''));
  const got = await run(preset, arch);
  expect(expected.length).toBeGreaterThan(0);
  expect(got.map((i) => i.ImageId).sort()).toEqual(expected.map((i) => i.ImageId).sort());
  for (const image of got) expect(image.OwnerId).toBe(oracle.owner);
  // Look-alikes exist for the popular names (marketplace/community copies): none came back.
  const gotIds = new Set(got.map((i) => i.ImageId));
  for (const l of lookalikes) expect(gotIds.has(l.ImageId)).toBe(false);
  lookalikesSeen += lookalikes.length;
});

test('when the presets ran then same-name copies from other owners were in the catalogue (and excluded above)', () => {
  // Why: without look-alikes in the catalogue the exclusion checks above would prove nothing.
  expect(lookalikesSeen).toBeGreaterThan(10);
});

test('when a preset names an SSM parameter then its latest image is the one the parameter points at', async () => {
  const checked: string[] = [];
  const answers: string[] = [];
  for (const p of PRESETS) {
    for (const [arch, ssm] of Object.entries(p.ssm ?? {})) {
      const pointed = visible().find((i) => i.PublicSsmParameterName === ssm);
      if (!pointed) continue;
      const keeper = new LatestKeeper(1);
      for (const image of await run(p.name, arch)) keeper.push(image);
      // The vendor's own "latest" and `ami-find <preset> --latest` must agree.
      answers.push(`${p.name}/${arch}: ${keeper.result()[0]?.Name} (SSM: ${pointed.Name})`);
      if (keeper.result()[0]?.ImageId === pointed.ImageId) checked.push(ssm);
    }
  }
  expect(answers.filter((a) => !/: (.*) \(SSM: \1\)$/.test(a))).toEqual([]);
  expect(checked.length).toBeGreaterThan(10);
});
