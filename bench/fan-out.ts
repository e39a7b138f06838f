/**
 * The fan-out scenario of `npm run bench`: the newest AL2023 arm64 image in 17 regions, every
 * DescribeImages answer delayed 300 ms, from the local endpoint (test/ec2-local) with a catalogue
 * spread over those regions. Compared with the slowest single region alone (target: at most 1.3x)
 * and with a shell loop of the AWS CLI over the same regions (the ratio is reported).
 */
import { generateCatalogue, ALL_REGIONS } from '../test/ec2-local/catalogue/index.js';
import { startEc2Local, type Ec2Local } from '../test/ec2-local/server/index.js';
import { localAwsEnv } from '../test/support/accounts.js';
import type { RunSpec } from './measure.js';

/** The enabled commercial regions, 17 of them, in the catalogue's order. */
export const FAN_OUT_REGIONS = ALL_REGIONS.filter((r) => r.OptInStatus !== 'not-opted-in').slice(0, 17).map((r) => r.RegionName);
/** The latency of every DescribeImages answer, in each region. */
export const FAN_OUT_LATENCY_MS = 300;

/** The group name and the three row names the report compares. */
export const FAN_OUT = {
  group: `fan-out: newest AL2023 arm64 in ${FAN_OUT_REGIONS.length} regions, ${FAN_OUT_LATENCY_MS} ms per request`,
  all: `ami-find al2023 --arch arm64 --latest --region <${FAN_OUT_REGIONS.length} regions> -o region-map`,
  single: 'ami-find al2023 --arch arm64 --latest --region us-east-1 (one region alone)',
  awsLoop: `for region in <${FAN_OUT_REGIONS.length} regions>; do aws ec2 describe-images ...; done`,
} as const;

/** Start the endpoint of the scenario and the commands to time. */
export async function fanOutScenario(node: string, bin: string): Promise<{ server: Ec2Local; specs: Record<'all' | 'single' | 'awsLoop', RunSpec> }> {
  const server = await startEc2Local({
    catalogue: generateCatalogue({ images: 5000, regions: FAN_OUT_REGIONS, seed: 'bench-fan-out' }),
    // Every region as slow as the slowest: the single-region run is then "the slowest region alone".
    latency: { regions: Object.fromEntries(FAN_OUT_REGIONS.map((r) => [r, { fixedMs: FAN_OUT_LATENCY_MS }])) },
    policy: { shortPageRate: 0 },
    recordLimit: 1000,
  });
  const env = localAwsEnv(server.url);
  const query = ['al2023', '--arch', 'arm64', '--latest'];
  // The loop --explain prints, with --query to keep the newest ID (text output applies it per page; one page here).
  const loop = `for region in ${FAN_OUT_REGIONS.join(' ')}; do aws ec2 describe-images --owners 137112412989 `
    + "--filters 'Name=name,Values=al2023-ami-2023.*-kernel-6.1-arm64' Name=architecture,Values=arm64 Name=state,Values=available "
    + `--page-size 1000 --region "$region" --endpoint-url ${server.url} --query 'reverse(sort_by(Images, &CreationDate))[:1].ImageId' --output text; done`;
  return {
    server,
    specs: {
      all: { cmd: node, args: [bin, ...query, '--region', FAN_OUT_REGIONS.join(','), '-o', 'region-map'], env },
      single: { cmd: node, args: [bin, ...query, '--region', 'us-east-1', '-o', 'ids'], env },
      awsLoop: { cmd: 'bash', args: ['-c', loop], env },
    },
  };
}
