/**
 * The EC2 client factory: region, credentials, endpoint, retries and debug logging from
 * AwsClientOptions. The SDK is loaded lazily so that --help, --version, completion and presets
 * never pay for it.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import { usageError } from '../errors.js';
import { redactUrl } from '../redact-url.js';
import type { AwsClientOptions } from '../types.js';
import { installDebugLogging } from './debug-log.js';
import { useFastDescribeImagesParser } from './fast/middleware.js';
import { noRegionError, toAmiFindError } from './errors.js';
import { loadAwsSdk } from './sdk.js';
import { withoutNodeVersionWarning } from './node-version-warning.js';
import { usePerRequestOptions } from './send.js';

/**
 * Create an EC2 client; throws E_NO_REGION (exit 2) when no region can be resolved. The client
 * resolves its middleware stack once per command class (the SDK's `cacheMiddleware`): middleware
 * added to it, or to a command, after its first request of that class is not used, unless that
 * request is sent with options (`client.send(command, { abortSignal })`, which skips the cache).
 */
export async function createEc2Client(opts: AwsClientOptions = {}): Promise<EC2Client> {
  if (opts.endpoint !== undefined) checkEndpoint(opts.endpoint);
  const { sdk, from } = loadAwsSdk();
  const { EC2Client, fromNodeProviderChain } = sdk;
  const log = opts.debug;
  // The SDK warns with console.warn (e.g. AWS_PROFILE plus static env keys); a library must not print.
  const logger = { debug: () => {}, info: () => {}, warn: (m: unknown) => log?.(`sdk warning: ${String(m)}`), error: () => {} };
  const client = withoutNodeVersionWarning(() => new EC2Client({
    region: opts.region,
    profile: opts.profile,
    endpoint: opts.endpoint,
    maxAttempts: opts.maxAttempts,
    retryMode: 'standard',
    // The middleware stack is resolved once per command class, not once per request (send.ts).
    cacheMiddleware: true,
    credentials: fromNodeProviderChain({ profile: opts.profile, logger }),
  }));
  const region = await resolveRegion(client);
  if (log) {
    log(`client: region ${region}, endpoint ${opts.endpoint !== undefined ? redactUrl(opts.endpoint) : '(SDK default or AWS_ENDPOINT_URL*)'}, ` +
      `profile ${opts.profile ?? '(default chain)'}, max attempts ${opts.maxAttempts ?? '(SDK default)'}, retry mode standard, AWS SDK from ${from}`);
    installDebugLogging(client, log);
  }
  usePerRequestOptions(client);
  // The fast DescribeImages parser (src/aws/fast); --parser sdk / AMI_FIND_PARSER=sdk keeps the SDK's.
  if (opts.parser !== 'sdk') {
    useFastDescribeImagesParser(client, { onFallback: (reason) => log?.(`fast parser: page left to the SDK parser (${reason})`) });
  }
  return client;
}

/** The region the client will sign for; a clear usage error when none is configured anywhere. */
export async function resolveRegion(client: EC2Client): Promise<string> {
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch (e) {
    throw toAmiFindError(e);
  }
  if (!region) throw noRegionError();
  return region;
}

function checkEndpoint(endpoint: string): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw usageError(`invalid endpoint URL "${redactUrl(endpoint)}"`, 'use a full URL such as https://ec2.us-east-1.amazonaws.com', 'E_BAD_ENDPOINT');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`invalid endpoint URL "${redactUrl(endpoint)}": only http and https are supported`, undefined, 'E_BAD_ENDPOINT');
  }
}
