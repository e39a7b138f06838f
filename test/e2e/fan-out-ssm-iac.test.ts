/**
 * The fan-out with --ssm and with the infrastructure-code formats (built bin, local endpoint with per-region
 * faults): one pointer lookup per region, one snippet keyed by region, nothing written when a region is missing.
 */
import { parse } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { generateCatalogue, minimumImages } from '../ec2-local/catalogue/index.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, requireBuilt, runBin } from './cli-support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1', 'af-south-1'];
const ENABLED = REGIONS.filter((r) => r !== 'af-south-1');
const AL_ARM = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64';
/** A parameter only us-east-1 and eu-west-1 have. */
const PARTIAL = '/test/two-regions';
let server: Ec2Local;
let env: NodeJS.ProcessEnv;

/** The parameter's image in a region, from the catalogue. */
const pointer = (region: string) => server.catalogue.images.find((i) => i.Region === region && i.PublicSsmParameterName === AL_ARM)!.ImageId!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const hcl = async (text: string): Promise<any> => parse('snippet.tf', text);

beforeAll(async () => {
  requireBuilt();
  const catalogue = generateCatalogue({ images: minimumImages({ regions: REGIONS }), regions: REGIONS, seed: 'fan-out-integrate' });
  const id = (region: string) => catalogue.images.find((i) => i.Region === region && i.PublicSsmParameterName === AL_ARM)!.ImageId!;
  server = await startEc2Local({
    catalogue,
    policy: { shortPageRate: 0 },
    ssmParameters: { 'us-east-1': { [PARTIAL]: id('us-east-1') }, 'eu-west-1': { [PARTIAL]: id('eu-west-1') } },
  });
  env = localAwsEnv(server.url, { AWS_MAX_ATTEMPTS: '2' });
});
afterAll(async () => { await server?.close(); });
afterEach(() => { server.setFaults({}); });

/** The newest al2023 arm64 image of one region, listed alone (the reference for pinned snippets). */
async function latestAlone(region: string): Promise<string> {
  const r = await runBin(['al2023', '--arch', 'arm64', '--latest', '--region', region, '-o', 'ids'], env);
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

describe('--ssm across regions', () => {
  test('when --ssm spans regions then each region answers its own pointer as REGION<TAB>ID, one GetParameter per region', async () => {
    const regions = ['us-east-1', 'eu-west-1', 'us-west-2'];
    const before = server.requests.length;
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', regions.join(','), '-o', 'ids'], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(lines(r.stdout).sort()).toEqual(regions.map((g) => `${g}\t${pointer(g)}`).sort());
    const gets = server.requests.slice(before).filter((q) => q.action === 'GetParameter').map((q) => q.region).sort();
    expect(gets).toEqual([...regions].sort());
  });

  test('when --ssm --all-regions -o region-map runs then the enabled regions with the parameter map to their pointer, the others are named, the opt-in ones noticed', async () => {
    // DescribeRegions names every region; this catalogue (and so its parameters) covers only REGIONS: the rest fail, exit 9.
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--all-regions', '-o', 'region-map'], env);
    expect(r.code).toBe(9);
    expect(JSON.parse(r.stdout)).toEqual(Object.fromEntries([...ENABLED].sort().map((g) => [g, pointer(g)])));
    const err = lines(r.stderr);
    expect(err.filter((l) => l.includes('notice: skipped'))).toEqual([expect.stringMatching(/opt-in regions not enabled .*af-south-1/)]);
    const failed = err.filter((l) => !l.includes('notice:')).map((l) => /^ami-find: ([a-z0-9-]+): no usable SSM pointer: /.exec(l)?.[1]);
    expect(failed.length).toBeGreaterThan(5);
    for (const region of failed) expect(region !== undefined && !REGIONS.includes(region)).toBe(true);
  });

  test('when --ssm spans regions in json then each image carries Region', async () => {
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', 'us-east-1,eu-west-1', '-o', 'json'], env);
    expect(r.code).toBe(0);
    const images = (JSON.parse(r.stdout) as { Images: { Region: string; ImageId: string }[] }).Images;
    expect(images.map((i) => [i.Region, i.ImageId])).toEqual([['eu-west-1', pointer('eu-west-1')], ['us-east-1', pointer('us-east-1')]]);
  });

  test('when the parameter is missing in one region and another throttles then the rest are printed, one line each, and it exits 9', async () => {
    server.setFaults({ regions: { 'ap-northeast-1': { failFirstAttempts: { count: 99, code: 'RequestLimitExceeded' } } } });
    const r = await runBin(['--ssm-parameter', PARTIAL, '--region', 'us-east-1,eu-west-1,us-west-2,ap-northeast-1', '-o', 'ids'], env);
    expect(r.code).toBe(9);
    expect(lines(r.stdout).sort()).toEqual([`eu-west-1\t${pointer('eu-west-1')}`, `us-east-1\t${pointer('us-east-1')}`]);
    const err = lines(r.stderr);
    expect(err).toHaveLength(2);
    expect(err).toContainEqual(expect.stringMatching(/^ami-find: us-west-2: no usable SSM pointer: SSM parameter \/test\/two-regions does not exist/));
    expect(err).toContainEqual(expect.stringMatching(/^ami-find: ap-northeast-1: throttled: /));
  });

  test('when --ssm names a region the account has not enabled then that region is "not enabled" and the others are printed', async () => {
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', 'us-east-1,af-south-1', '-o', 'ids'], env);
    expect([r.code, lines(r.stdout)]).toEqual([9, [`us-east-1\t${pointer('us-east-1')}`]]);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^ami-find: af-south-1: not enabled for this account: /)]);
  });

  test('when the parameter is missing in every region then it exits 10, the missing parameter\'s own code', async () => {
    const r = await runBin(['--ssm-parameter', '/test/nowhere', '--region', 'us-east-1,eu-west-1', '-o', 'ids'], env);
    expect([r.code, r.stdout, lines(r.stderr).length]).toEqual([10, '', 2]);
  });

  test('when --ssm is in one region then the output is the bare ID as before', async () => {
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', 'eu-west-1', '-o', 'ids'], env);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${pointer('eu-west-1')}\n`, '']);
  });

  test('when --ssm is combined with --dry-run then it is a usage error, not one region', async () => {
    const r = await runBin(['al2023', '--ssm', '--region', 'us-east-1,eu-west-1', '--dry-run'], env);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain("'--ssm' cannot be used with option '--dry-run'");
  });

  test('when --ssm is combined with --explain then every region is explained and nothing is sent', async () => {
    const before = server.requests.length;
    const r = await runBin(['al2023', '--ssm', '--region', 'us-east-1,eu-west-1', '--explain'], env);
    expect([r.code, server.requests.length - before]).toEqual([0, 0]);
    expect(r.stdout).toContain('X-Amz-Target: AmazonSSM.GetParameter');
    expect(r.stdout).toContain('for region in us-east-1 eu-west-1; do');
  });
});

describe('infrastructure code across regions', () => {
  const regions = ['us-east-1', 'eu-west-1'];
  const args = ['al2023', '--arch', 'arm64', '--latest', '--region', regions.join(',')];

  test('when -o terraform --pin spans regions then the local is a map of each region\'s newest image', async () => {
    const r = await runBin([...args, '-o', 'terraform', '--pin'], env);
    expect(r.code).toBe(0);
    expect((await hcl(r.stdout)).locals[0]).toEqual({
      al2023_arm64_ami_id: { 'eu-west-1': await latestAlone('eu-west-1'), 'us-east-1': await latestAlone('us-east-1') },
    });
  });

  test('when -o packer --pin spans regions then the locals map holds each region\'s image', async () => {
    const r = await runBin([...args, '-o', 'packer', '--pin'], env);
    expect(r.code).toBe(0);
    expect((await hcl(r.stdout)).locals[0]).toEqual({
      al2023_arm64_source_ami: { 'eu-west-1': await latestAlone('eu-west-1'), 'us-east-1': await latestAlone('us-east-1') },
    });
  });

  test('when -o cloudformation spans regions then Mappings has one entry per region', async () => {
    const r = await runBin([...args, '-o', 'cloudformation'], env);
    expect(r.code).toBe(0);
    expect(parseYaml(r.stdout).Mappings.Al2023Arm64Ami).toEqual({
      'eu-west-1': { ImageId: await latestAlone('eu-west-1') }, 'us-east-1': { ImageId: await latestAlone('us-east-1') },
    });
  });

  test('when -o terraform spans regions without --pin then the query is written once, saying it applies in each region, and nothing is sent', async () => {
    const before = server.requests.length;
    const r = await runBin([...args, '-o', 'terraform'], env);
    expect(r.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(Object.keys((await hcl(r.stdout)).data.aws_ami)).toEqual(['al2023_arm64']);
    expect(r.stdout).toMatch(/^# .*the same query applies in each region \(us-east-1, eu-west-1\)$/m);
  });

  test('when the listed regions span partitions whose publisher differs then the unpinned query is refused', async () => {
    const r = await runBin(['ubuntu:24.04', '--latest', '--region', 'us-east-1,cn-north-1', '-o', 'terraform'], env);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/cannot express one query for us-east-1, cn-north-1: the publisher differs by partition/);
  });

  test('when one region fails then no snippet is written, the region is named, and it exits 9', async () => {
    server.setFaults({ regions: { 'eu-west-1': { failFirstAttempts: { count: 99, code: 'InternalError' } } } });
    for (const format of ['terraform', 'packer', 'cloudformation']) {
      const r = await runBin([...args, '-o', format, ...(format === 'cloudformation' ? [] : ['--pin'])], env);
      expect([r.code, r.stdout]).toEqual([9, '']);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^ami-find: eu-west-1: service unavailable: /)]);
    }
  });

  test('when one region has no match then no snippet is written, the region is named, and it exits 9', async () => {
    // A public image whose name only us-east-1 has.
    const only = server.catalogue.images.find((i) => i.Region === 'us-east-1' && i.Public && i.State === 'available' && i.Name !== undefined
      && !server.catalogue.images.some((j) => j.Region === 'eu-west-1' && j.Name === i.Name))!;
    const q = ['--owner', only.OwnerId!, '--name', only.Name!, '--latest', '--region', 'us-east-1,eu-west-1'];
    const ids = await runBin([...q, '-o', 'ids'], env);
    expect([ids.code, lines(ids.stdout)]).toEqual([0, [`us-east-1\t${only.ImageId}`]]);
    const r = await runBin([...q, '-o', 'terraform', '--pin'], env);
    expect([r.code, r.stdout]).toEqual([9, '']);
    expect(lines(r.stderr)).toEqual(['ami-find: eu-west-1: no image matched (the snippet would miss this region)']);
  });

  test('when -o cloudformation --ssm spans regions then the SSM parameter is written once and nothing is sent', async () => {
    const before = server.requests.length;
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', regions.join(','), '-o', 'cloudformation'], env);
    expect(r.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(parseYaml(r.stdout).Parameters.Al2023Arm64ImageId).toMatchObject({
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL_ARM,
    });
  });

  test('when -o terraform --ssm has no --pin then it is a usage error naming cloudformation and --pin', async () => {
    for (const format of ['terraform', 'packer']) {
      const r = await runBin(['al2023', '--ssm', '--region', regions.join(','), '-o', format], env);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`-o ${format} cannot express --ssm[^]*-o cloudformation[^]*--pin`));
    }
  });

  test('when -o terraform --ssm --pin spans regions then the map holds each region\'s pointer, and a missing region writes nothing', async () => {
    const r = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', regions.join(','), '-o', 'terraform', '--pin'], env);
    expect(r.code).toBe(0);
    expect((await hcl(r.stdout)).locals[0]).toEqual({ al2023_arm64_ami_id: { 'eu-west-1': pointer('eu-west-1'), 'us-east-1': pointer('us-east-1') } });
    const partial = await runBin(['--ssm-parameter', PARTIAL, '--region', 'us-east-1,us-west-2', '-o', 'cloudformation', '--pin'], env);
    expect([partial.code, partial.stdout]).toEqual([9, '']);
    expect(lines(partial.stderr)).toEqual([expect.stringMatching(/^ami-find: us-west-2: no usable SSM pointer: /)]);
  });

  test('when a snippet spans regions with --explain or --dry-run then each region is covered, not one', async () => {
    const explain = await runBin([...args, '-o', 'terraform', '--pin', '--explain'], env);
    expect(explain.code).toBe(0);
    for (const region of regions) expect(explain.stdout).toContain(region);
    const dry = await runBin([...args, '-o', 'terraform', '--pin', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(lines(dry.stderr).filter((l) => /would have succeeded/.test(l))).toHaveLength(2);
  });

  test('when a snippet spans several profiles then it is a usage error: the map is keyed by region', async () => {
    const r = await runBin([...args, '--profile', 'a,b', '-o', 'terraform', '--pin'], env);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/keys its images by region, not by account/);
  });
});
