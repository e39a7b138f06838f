/**
 * `--explain` across regions and profiles: one DescribeImages request per (profile, region) unit
 * (after DescribeRegions with --all-regions), the client-side steps, and the same as a shell loop
 * over the AWS CLI. Pure: sends nothing.
 */
import type { ImageQuery, PaginationConfig } from '../types.js';
import { redactUrls } from '../redact-url.js';
import { awsCliWords, explainSelection, firstRequestInput, shellQuote, type ExplainSelection } from './explain.js';
import { describeImagesBody } from './wire.js';

/** The units as --explain sees them: regions ('all' for --all-regions; empty for the configured one) and profiles. */
export interface ExplainFanOut {
  regions: readonly string[] | 'all';
  profiles: readonly string[];
  concurrency: number;
  /** The region used when no --region is given (and for DescribeRegions). */
  defaultRegion?: string;
  endpoint?: string;
  /** The query in a region (a preset's publisher may differ per partition). */
  queryFor: (region: string) => ImageQuery;
}

function endpointIn(region: string | undefined, endpoint: string | undefined): string {
  if (endpoint !== undefined) return redactUrls(endpoint);
  if (region === undefined) return "the region's EC2 endpoint";
  return `https://ec2.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
}

/** The explanation printed by `--explain` for a fan-out listing. */
export function explainFanOut(plan: ExplainFanOut, pagination: PaginationConfig, selection: ExplainSelection = {}): string {
  const profiles: (string | undefined)[] = plan.profiles.length > 0 ? [...plan.profiles] : [undefined];
  const lines: string[] = [];
  const all = plan.regions === 'all';
  const regions: (string | undefined)[] = all ? [] : plan.regions.length > 0 ? [...plan.regions] : [plan.defaultRegion];
  const units = profiles.flatMap((profile) => regions.map((region) => ({ profile, region })));
  const as = (profile: string | undefined) => (profile === undefined ? '' : ` as profile ${profile}`);
  if (all) {
    const region = plan.defaultRegion ?? 'us-east-1';
    for (const profile of profiles) {
      lines.push(`# DescribeRegions request${as(profile)}: POST ${endpointIn(region, plan.endpoint)}`,
        'Action=DescribeRegions&Version=2016-11-15&AllRegions=true',
        '# regions whose OptInStatus is not-opted-in are skipped (one notice names them); every other region is listed:');
    }
    const q = plan.queryFor('');
    lines.push(`# DescribeImages request in each region: POST https://ec2.<region>.amazonaws.com/`, describeImagesBody(firstRequestInput(q, pagination)));
  } else {
    lines.push(`# ${units.length} listings, at most ${plan.concurrency} at once, each with its own client, credentials and retries:`);
    for (const { profile, region } of units) {
      lines.push(`# DescribeImages request in ${region ?? 'the configured region'}${as(profile)}: POST ${endpointIn(region, plan.endpoint)}`,
        describeImagesBody(firstRequestInput(plan.queryFor(region ?? ''), pagination)));
    }
  }
  lines.push("# in each, then the same body with NextToken set to each response's NextToken, until a response has none");
  const selected = explainSelection(selection);
  lines.push(...selected.steps);
  if (selection.latest !== undefined) lines.push(`# --latest applies in each region (and profile): the ${selection.latest} newest of each`);
  if (selection.sort !== undefined) lines.push('# --sort orders the combined result; the loop below prints one region after another');
  lines.push('', '# the same with the AWS CLI, one region after another (ami-find adds Region to each image):');
  lines.push(...shellLoop(plan, pagination, selected.query));
  lines.push(...selected.caveats);
  return `${lines.join('\n')}\n`;
}

/** `for region in ...; do aws ec2 describe-images ... --region "$region"; done`, nested in a profile loop with several profiles. */
function shellLoop(plan: ExplainFanOut, pagination: PaginationConfig, query: string | undefined): string[] {
  const words = awsCliWords(plan.queryFor(plan.regions === 'all' ? '' : plan.regions[0] ?? ''), pagination, { endpoint: plan.endpoint }, query)
    .map(shellQuote);
  const profiles = plan.profiles.length > 1;
  const profileFlag = profiles ? ' --profile "$profile"' : plan.profiles.length === 1 ? ` --profile ${shellQuote(plan.profiles[0]!)}` : '';
  const regionList = plan.regions === 'all'
    ? `$(aws ec2 describe-regions${profiles ? ' --profile "$profile"' : profileFlag} --query 'Regions[].RegionName' --output text)`
    : (plan.regions.length > 0 ? plan.regions : [plan.defaultRegion ?? '"$AWS_REGION"']).join(' ');
  const inner = [`for region in ${regionList}; do`, `  ${words.join(' ')} --region "$region"${profileFlag}`, 'done'];
  if (!profiles) return inner;
  return [`for profile in ${plan.profiles.map(shellQuote).join(' ')}; do`, ...inner.map((l) => `  ${l}`), 'done'];
}
