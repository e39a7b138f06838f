/** The one place that builds AwsClientOptions, for every subcommand; bad values are usage errors before any request. */
import { checkEndpointUrl } from '../aws/endpoint-url.js';
import { usageError } from '../errors.js';
import { didYouMean } from '../query/suggest.js';
import { REGIONS, type Parser, type RetryMode } from '../query/vocabulary.js';
import type { AwsClientOptions } from '../types.js';
import { say, type CliIo } from './io.js';
import type { RawCliOptions } from './options.js';

/** The flags this reads (the main command's and show's alike). */
export type RawAwsOptions = Pick<RawCliOptions, 'region' | 'profile' | 'endpointUrl' | 'maxAttempts' | 'retryMode' | 'connectTimeout' | 'readTimeout' | 'parser' | 'debug'>;

/** AwsClientOptions for the flags `raw`, the environment and (with --debug) a logger on stderr. */
export function awsOptions(raw: RawAwsOptions, io: Pick<CliIo, 'env' | 'stderr'>): AwsClientOptions {
  const env = io.env;
  return {
    // As the AWS CLI: flag, AWS_REGION, AWS_DEFAULT_REGION; the SDK then tries the profile (src/aws/client.ts resolveRegion).
    region: checkRegion(raw.region?.[0] || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined),
    profile: raw.profile?.[0] || undefined,
    endpoint: endpointFlag(raw.endpointUrl, env),
    maxAttempts: raw.maxAttempts,
    retryMode: raw.retryMode as RetryMode | undefined,
    connectTimeoutMs: raw.connectTimeout,
    readTimeoutMs: raw.readTimeout,
    parser: raw.parser as Parser,
    debug: raw.debug ? (line) => say(io, `ami-find: debug: ${line}`) : undefined,
  };
}

/** Where a listing fans out: every --region (checked) and --profile given, in order, duplicates dropped. */
export function fanOutTargets(raw: Pick<RawCliOptions, 'region' | 'profile'>): { regions: string[]; profiles: string[] } {
  const regions = [...new Set(raw.region ?? [])];
  for (const region of regions) checkRegion(region);
  return { regions, profiles: [...new Set(raw.profile ?? [])] };
}

/** AWS region names: partition prefix, area, number (us-east-1, us-gov-west-1, ap-southeast-7). */
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Refuse a region that cannot be one (the SDK's error would look internal); well-formed unknown names pass, as AWS adds regions. */
function checkRegion(region: string | undefined): string | undefined {
  if (region === undefined || REGION_SHAPE.test(region)) return region;
  throw usageError(`invalid region '${region}'${didYouMean(region, REGIONS)}`, 'a region looks like us-east-1 or eu-west-2', 'E_BAD_REGION');
}

/** --endpoint-url, refused when empty (not "none": real AWS); else the SDK's variable is checked, to name it in the error. */
function endpointFlag(flag: string | undefined, env: CliIo['env']): string | undefined {
  if (flag !== undefined) {
    checkEndpointUrl(flag, '--endpoint-url');
    return flag;
  }
  // The SDK's order (AWS_ENDPOINT_URL_EC2, then AWS_ENDPOINT_URL), unless told to ignore them.
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  for (const name of ['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL'] as const) {
    const value = env[name];
    if (value) {
      checkEndpointUrl(value, name);
      break;
    }
  }
  return undefined;
}
