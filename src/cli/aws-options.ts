/**
 * The AWS access options of the main command and `show`, from their flags and the environment:
 * region, profile, endpoint, retries and timeouts. Bad values are usage errors (exit 2), found
 * before any request.
 */
import { checkEndpointUrl } from '../aws/endpoint-url.js';
import type { Parser, RetryMode } from '../query/vocabulary.js';
import type { AwsClientOptions } from '../types.js';
import type { Boundary } from './boundary.js';
import type { RawCliOptions } from './options.js';
import { checkRegion, resolveRegion } from './region.js';

/** The flags this reads (the main command's and show's alike). */
export type RawAwsOptions = Pick<RawCliOptions, 'region' | 'profile' | 'endpointUrl' | 'maxAttempts' | 'retryMode' | 'connectTimeout' | 'readTimeout' | 'parser'>;

/** AwsClientOptions (without the debug logger) for the flags `raw` and the environment `env`. */
export function awsOptions(raw: RawAwsOptions, env: Boundary['env']): AwsClientOptions {
  return {
    region: checkRegion(resolveRegion(raw.region, env)),
    profile: raw.profile || undefined,
    endpoint: endpointFlag(raw.endpointUrl, env),
    maxAttempts: raw.maxAttempts,
    retryMode: raw.retryMode as RetryMode | undefined,
    connectTimeoutMs: raw.connectTimeout,
    readTimeoutMs: raw.readTimeout,
    parser: raw.parser as Parser,
  };
}

/**
 * The --endpoint-url to use: an empty one is refused, never taken as "none" (that would quietly
 * reach real AWS). Without the flag, the endpoint variable the SDK would use is checked here, so
 * that a bad one is a usage error naming it, not an "Invalid URL" from inside the SDK.
 */
function endpointFlag(flag: string | undefined, env: Boundary['env']): string | undefined {
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
