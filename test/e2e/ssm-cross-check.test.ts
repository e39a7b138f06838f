/**
 * The preset cross-check: `--latest` with a preset reads the publisher's SSM pointer beside the listing
 * and says, in one stderr line, when the two disagree and why; silent when they agree or the lookup fails.
 */
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { CatalogueImage } from '../ec2-local/types.js';
import { DEFAULT_ACCESS_KEY, localAwsEnv } from '../support/accounts.js';
import { lines, requireBuilt, runBin } from './cli-support.js';

const AL_X86 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const KERNEL_61 = /^al2023-ami-2023\.[\d.]+-kernel-6\.1-x86_64$/;
let server: Ec2Local;
let env: NodeJS.ProcessEnv;
/** The kernel-6.1 builds of a region, newest first. */
let builds: (region: string) => CatalogueImage[];

beforeAll(async () => {
  requireBuilt();
  const catalogue = generateCatalogue({ images: 1500, seed: 'ssm-cross-check' });
  builds = (region) => catalogue.images.filter((i) => i.Region === region && KERNEL_61.test(i.Name ?? ''))
    .sort((a, b) => Date.parse(b.CreationDate!) - Date.parse(a.CreationDate!));
  const deprecated = builds('eu-west-1').find((i) => Date.parse(i.DeprecationTime!) < Date.now())!;
  // us-west-2: a build published after the pointer last moved (the pointer stays on the build before).
  const current = builds('us-west-2')[0]!;
  const created = new Date((Date.parse(current.CreationDate!) + Date.now()) / 2);
  const { PublicSsmParameterName: _pointer, ...rest } = current;
  catalogue.images.push({ ...rest, ImageId: 'ami-0f00000000000a001', CreationDate: created.toISOString(),
    Name: current.Name!.replace(/\.\d{8}\./, `.${created.toISOString().slice(0, 10).replace(/-/g, '')}.`) });
  server = await startEc2Local({
    catalogue, policy: { shortPageRate: 0 },
    // eu-west-1: the publisher's pointer moved by hand to a deprecated build.
    ssmParameters: { 'eu-west-1': { [AL_X86]: deprecated.ImageId! } },
  });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server?.close(); });
afterEach(() => { server.setPolicy({}); server.setLatency({}); });

test('when the preset\'s --latest and its pointer agree then nothing is said, and the pointer was read', async () => {
  const before = server.requests.length;
  const r = await runBin(['al2023', '--latest', '-o', 'ids'], env);
  expect([r.code, lines(r.stdout), r.stderr]).toEqual([0, [builds('us-east-1')[0]!.ImageId], '']);
  expect(server.requests.slice(before).map((q) => q.action).sort()).toEqual(['DescribeImages', 'GetParameter']);
});

test('when --name widens the preset to every kernel then the notice names both images and the kernel variant', async () => {
  const r = await runBin(['al2023', '--name', 'al2023-ami-2023.*-kernel-*-x86_64', '--latest', '-o', 'ids'], env);
  expect(r.code).toBe(0);
  const notice = lines(r.stderr);
  expect(notice).toHaveLength(1);
  expect(notice[0]).toMatch(new RegExp(`^ami-find: note: --latest is ami-\\w+ \\(al2023-ami-[\\d.]+-kernel-6\\.18-x86_64\\), but ${AL_X86} is ${builds('us-east-1')[0]!.ImageId} .*: kernel variant: the pointer follows kernel 6\\.1, the newest match is kernel 6\\.18$`));
  expect(lines(r.stdout)).not.toEqual([builds('us-east-1')[0]!.ImageId]);
});

test('when the pointer lags a build behind then the notice says rollout lag', async () => {
  const r = await runBin(['al2023', '--latest', '-o', 'ids', '--region', 'us-west-2'], env);
  expect([r.code, lines(r.stdout)]).toEqual([0, ['ami-0f00000000000a001']]);
  expect(r.stderr).toMatch(/^ami-find: note: --latest is .*: rollout lag: the newest match was created after the pointer last moved \(\d{4}-[^\n]*\)\n$/);
});

test('when the pointer names a deprecated image then the notice says so, or that it is not among the matches', async () => {
  const hidden = await runBin(['al2023', '--latest', '-o', 'ids', '--region', 'eu-west-1'], env);
  expect(hidden.stderr).toMatch(/^ami-find: note: .*: its image is not among the listed matches: .*deprecated \(--include-deprecated lists it\)\n$/);
  const shown = await runBin(['al2023', '--latest', '-o', 'ids', '--region', 'eu-west-1', '--include-deprecated'], env);
  expect(shown.stderr).toMatch(/^ami-find: note: .*: deprecated pointer target: the publisher has not moved it since \d{4}-/);
});

test('when SSM refuses the caller then the listing is unchanged and silent, and --debug says why', async () => {
  server.setPolicy({ ssmDeniedAccessKeys: [DEFAULT_ACCESS_KEY] });
  const r = await runBin(['al2023', '--name', 'al2023-ami-2023.*-kernel-*-x86_64', '--latest', '-o', 'ids'], env);
  expect([r.code, lines(r.stdout).length, r.stderr]).toEqual([0, 1, '']);
  const debug = await runBin(['al2023', '--latest', '-o', 'ids', '--debug'], env);
  expect(debug.code).toBe(0);
  expect(debug.stderr).toMatch(/ami-find: debug: cross-check: .*not authorized to read SSM parameter/);
});

test('when SSM cannot be reached then the listing is unchanged and silent', async () => {
  const r = await runBin(['al2023', '--latest', '-o', 'ids'], { ...env, AWS_ENDPOINT_URL_SSM: 'http://127.0.0.1:9' });
  expect([r.code, lines(r.stdout), r.stderr]).toEqual([0, [builds('us-east-1')[0]!.ImageId], '']);
});

test('when every response is slow then the lookup is sent while the listing waits, not after it', async () => {
  const slowMs = 3000;
  server.setLatency({ fixedMs: slowMs });
  const before = server.requests.length;
  const r = await runBin(['al2023', '--name', 'al2023-ami-2023.*-kernel-*-x86_64', '--latest', '-o', 'ids'], env);
  expect(r.stderr).toMatch(/kernel variant/);
  const sent = server.requests.slice(before);
  const listing = sent.find((q) => q.action === 'DescribeImages')!;
  const lookup = sent.find((q) => q.action === 'GetParameter')!;
  // Side by side: the GetParameter arrives before the listing's answer could have left (after slowMs).
  // One after the other, it would arrive at least slowMs after the listing's request.
  expect(lookup.receivedAt - listing.receivedAt).toBeLessThan(slowMs);
}, 30_000);
