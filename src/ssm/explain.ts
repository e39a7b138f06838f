/**
 * `--ssm --explain`: the two requests `--ssm` sends in each region (GetParameter, then DescribeImages by
 * the parameter's value) and the same with the AWS CLI. Pure: sends nothing.
 */
import { redactUrls } from '../redact-url.js';
import { shellQuote } from '../query/explain.js';

export interface ExplainSsmTarget {
  parameter: string;
  /** The regions asked for ('all' for --all-regions; empty for the configured one). */
  regions: readonly string[] | 'all';
  profiles: readonly string[];
  defaultRegion?: string;
  /** SSM's endpoint override (AWS_ENDPOINT_URL_SSM or AWS_ENDPOINT_URL), if any. */
  ssmEndpoint?: string;
  /** EC2's endpoint override (--endpoint-url, AWS_ENDPOINT_URL_EC2 or AWS_ENDPOINT_URL), if any. */
  ec2Endpoint?: string;
  includeDeprecated: boolean;
}

function endpoint(service: 'ssm' | 'ec2', region: string, override: string | undefined): string {
  if (override !== undefined) return redactUrls(override);
  return `https://${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
}

/** The explanation printed by `--ssm --explain`. */
export function explainSsm(t: ExplainSsmTarget): string {
  const region = t.regions === 'all' ? '<region>' : t.regions.length === 1 ? t.regions[0]! : t.regions.length === 0 ? t.defaultRegion ?? '<region>' : '<region>';
  const many = t.regions === 'all' || t.regions.length > 1 || t.profiles.length > 1;
  const lines = [
    many ? `# in each (profile, region) unit${t.regions === 'all' ? ' (every region enabled for the account, from DescribeRegions)' : ''}:` : '',
    `# GetParameter request: POST ${endpoint('ssm', region, t.ssmEndpoint)} (Content-Type: application/x-amz-json-1.1)`,
    'X-Amz-Target: AmazonSSM.GetParameter',
    JSON.stringify({ Name: t.parameter }),
    `# then DescribeImages with the parameter's value: POST ${endpoint('ec2', region, t.ec2Endpoint)}`,
    'Action=DescribeImages&Version=2016-11-15&ImageId.1=<Parameter.Value>&IncludeDeprecated=true',
    `# then ami-find: a value that is no AMI ID, an image EC2 does not show${t.includeDeprecated ? '' : ', or a deprecated image'} is exit 10`,
    '',
    '# the same with the AWS CLI:',
  ].filter((l, i) => i > 0 || l !== '');
  // Shell words: a region or profile name, or a loop variable.
  const opts = (region: string, profile?: string) => [...(profile !== undefined ? ['--profile', profile] : []), '--region', region].join(' ');
  const ssmUrl = t.ssmEndpoint !== undefined ? ` --endpoint-url ${shellQuote(redactUrls(t.ssmEndpoint))}` : '';
  const ec2Url = t.ec2Endpoint !== undefined ? ` --endpoint-url ${shellQuote(redactUrls(t.ec2Endpoint))}` : '';
  const pair = (r: string, profile?: string) =>
    `aws ec2 describe-images ${opts(r, profile)}${ec2Url} --include-deprecated --image-ids "$(aws ssm get-parameter ${opts(r, profile)}${ssmUrl}`
    + ` --name ${shellQuote(t.parameter)} --query Parameter.Value --output text)"`;
  const profile = t.profiles[0] !== undefined ? shellQuote(t.profiles[0]) : undefined;
  if (!many) return [...lines, pair(shellQuote(region), profile)].join('\n');
  const regions = t.regions === 'all'
    ? `$(aws ec2 describe-regions${t.profiles.length > 1 ? ' --profile "$profile"' : profile !== undefined ? ` --profile ${profile}` : ''}${ec2Url}`
      + ' --query \'Regions[?OptInStatus!=`not-opted-in`].RegionName\' --output text)'
    : t.regions.length > 0 ? t.regions.join(' ') : t.defaultRegion ?? '<region>';
  const loop = t.profiles.length > 1
    ? [`for profile in ${t.profiles.map(shellQuote).join(' ')}; do for region in ${regions}; do`, `  ${pair('"$region"', '"$profile"')}`, 'done; done']
    : [`for region in ${regions}; do`, `  ${pair('"$region"', profile)}`, 'done'];
  return [...lines, ...loop].join('\n');
}
