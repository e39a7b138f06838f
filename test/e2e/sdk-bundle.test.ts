/**
 * The built ami-find talks to EC2 through dist/sdk/aws-sdk.cjs, the esbuild bundle of the AWS SDK
 * surface it uses (src/aws/sdk-bundle): the bundle is what runs, it is trimmed to DescribeImages,
 * and it answers exactly as the installed SDK packages do.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { requireBuilt, runBin, SDK_BUNDLE, useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint();

describe('the AWS SDK bundle (built bin, local endpoint)', () => {
  test('when ami-find runs from the build then --debug names the bundle as the SDK it loaded', async () => {
    const r = await runBin(['--owner', 'self', '-o', 'ids', '--debug'], local.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`AWS SDK from ${SDK_BUNDLE}\n`);
  });

  test('when every fixture image is listed as json then the parser writes their JSON text itself (no page left to objects)', async () => {
    const r = await runBin(['--region', 'us-west-2', '--include-deprecated', '-o', 'json', '--page-size', '7', '--debug'], local.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('DescribeImages');
    expect(r.stderr).not.toContain('json text: page parsed as objects');
    expect((JSON.parse(r.stdout) as { Images: unknown[] }).Images.length).toBeGreaterThan(10);
  });

  test('when the bundle is built then it carries DescribeImages but not the schemas of other EC2 operations', () => {
    requireBuilt();
    const text = readFileSync(SDK_BUNDLE, 'utf8');
    expect(text).toContain('"DescribeImages"');
    expect(text).toContain('"imageOwnerId"');
    // RunInstances and CreateVpc schemas are in @aws-sdk/client-ec2; the trimmed bundle drops them.
    expect(text).not.toMatch(/RunInstancesRequest/);
    expect(text).not.toMatch(/CreateVpcRequest/);
  });

  test('when the bundle is required then it exports the SDK surface ami-find uses, as the installed packages do', () => {
    requireBuilt();
    const require = createRequire(import.meta.url);
    const bundle = require(SDK_BUNDLE) as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(['DescribeImagesCommand', 'DescribeRegionsCommand', 'EC2Client', 'fromNodeProviderChain']);
    const installed = require('@aws-sdk/client-ec2') as Record<string, { name?: string }>;
    expect((bundle.EC2Client as { name: string }).name).toBe(installed.EC2Client!.name);
    expect((bundle.DescribeImagesCommand as { name: string }).name).toBe(installed.DescribeImagesCommand!.name);
    expect((bundle.DescribeRegionsCommand as { name: string }).name).toBe(installed.DescribeRegionsCommand!.name);
  });

  test.each(['us-east-1', 'us-west-2'])('when every fixture image of %s is listed through the bundle then the fast parser and the SDK parser print the same', async (region) => {
    const args = ['--region', region, '--include-deprecated', '--include-disabled', '-o', 'ndjson', '--page-size', '7'];
    const fast = await runBin(args, local.env);
    const sdk = await runBin([...args, '--parser', 'sdk'], local.env);
    expect(fast.code).toBe(0);
    expect(sdk.code).toBe(0);
    expect(fast.stdout.split('\n').length).toBeGreaterThan(10);
    expect(fast.stdout).toBe(sdk.stdout);
  });

  test.each([
    [['-o', 'ids']], [['-o', 'tsv']], [['-o', 'csv', '--columns', 'id,name,owner,alias,arch,created,deprecated,state,virtualization,root-device,platform,public,ena,boot-mode,image-type,last-launched,ssm-parameter,description']],
    [['-o', 'ids', '--latest', '3', '--owner', 'amazon,self', '--region', 'us-east-1']], [['-o', 'tsv', '--sort', 'owner', '--desc', '--region', 'us-east-1']],
    [['-o', 'ids', '--name-regex', 'bulk-0[0-4]', '--created-after', '2024-01-03']],
    [['-o', 'ndjson', '--latest', '3', '--owner', 'amazon,self', '--region', 'us-east-1']], [['-o', 'ndjson', '--sort', 'name', '--region', 'us-east-1']],
    [['-o', 'ndjson', '--name-regex', 'bulk-0[0-4]', '--created-after', '2024-01-03']],
    [['-o', 'json']], [['-o', 'json', '--max-items', '13']], [['-o', 'ndjson', '--max-items', '13']], [['-o', 'json', '--latest', '2', '--owner', 'amazon,self', '--region', 'us-east-1']],
  ])('when %j is listed through the fast parser then the output equals the SDK parser\'s', async (flags) => {
    const args = ['--include-deprecated', '--page-size', '9', ...(flags.includes('--region') ? [] : ['--region', 'us-west-2']), ...flags];
    const fast = await runBin(args, local.env);
    const sdk = await runBin([...args, '--parser', 'sdk'], local.env);
    expect([fast.code, fast.stderr]).toEqual([0, sdk.stderr]);
    expect(fast.stdout.length).toBeGreaterThan(0);
    expect(fast.stdout).toBe(sdk.stdout);
  });
});
