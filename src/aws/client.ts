/**
 * The EC2 client factory: region, credentials, endpoint, retries and debug logging from
 * AwsClientOptions. The SDK is loaded lazily so that --help, --version, completion and presets
 * never pay for it.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import { redactUrls } from '../redact-url.js';
import type { AwsClientOptions } from '../types.js';
import { installDebugLogging } from './debug-log.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { installDescribeImagesParser } from './describe-images/index.js';
import { noRegionError, toAmiFindError } from './errors.js';
import { loadAwsSdk } from './sdk.js';
import { withoutNodeVersionWarning } from './node-version-warning.js';

/** How long a connection may take to open when AwsClientOptions.connectTimeoutMs is not set. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** How long an open connection may stay silent (before or within an answer) when readTimeoutMs is not set. */
export const DEFAULT_READ_TIMEOUT_MS = 60_000;

/**
 * The settings every ami-find client shares (EC2 and SSM): region, profile, retries, timeouts and
 * credentials, from AwsClientOptions.
 */
export function sharedClientConfig(opts: AwsClientOptions) {
  return {
    region: opts.region,
    profile: opts.profile,
    maxAttempts: opts.maxAttempts,
    // Unset: the SDK reads AWS_RETRY_MODE and the profile's retry_mode. It knows standard and adaptive
    // only (anything else runs as standard): 'legacy', the AWS CLI's, is named so here.
    retryMode: opts.retryMode === 'legacy' ? 'standard' : opts.retryMode,
    // The SDK's handler waits forever by default; both timeouts fail with a TimeoutError, retried as transient.
    requestHandler: {
      connectionTimeout: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      socketTimeout: opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    },
    credentials: opts.credentials ?? credentialChain(opts),
  };
}

/** Create an EC2 client; throws E_NO_REGION (exit 2) when no region can be resolved. */
export async function createEc2Client(opts: AwsClientOptions = {}): Promise<EC2Client> {
  if (opts.endpoint !== undefined) checkEndpointUrl(opts.endpoint);
  const { sdk, from } = loadAwsSdk();
  const log = opts.debug;
  const shared = sharedClientConfig(opts);
  const client = withoutNodeVersionWarning(() => new sdk.EC2Client({ ...shared, endpoint: opts.endpoint }));
  const region = await resolveRegion(client);
  if (log) {
    log(`client: region ${region}, endpoint ${opts.endpoint !== undefined ? redactUrls(opts.endpoint) : '(SDK default or AWS_ENDPOINT_URL*)'}, ` +
      `profile ${opts.profile ?? '(default chain)'}, max attempts ${opts.maxAttempts ?? '(SDK default)'}, retry mode ${shared.retryMode ?? '(SDK default)'}, ` +
      `connect timeout ${shared.requestHandler.connectionTimeout} ms, read timeout ${shared.requestHandler.socketTimeout} ms, AWS SDK from ${from}`);
    installDebugLogging(client, log);
  }
  // The fast DescribeImages parser, or the SDK's with --parser sdk / AMI_FIND_PARSER=sdk.
  installDescribeImagesParser(client, { parser: opts.parser, log, fields: opts.fields, json: opts.json });
  return client;
}

/** The SDK's credential chain for `opts.profile`, to share between clients through AwsClientOptions.credentials. */
export function credentialChain(opts: AwsClientOptions): NonNullable<AwsClientOptions['credentials']> {
  const log = opts.debug;
  // The SDK warns with console.warn (e.g. AWS_PROFILE plus static env keys); a library must not print.
  const logger = { debug: () => {}, info: () => {}, warn: (m: unknown) => log?.(`sdk warning: ${String(m)}`), error: () => {} };
  return loadAwsSdk().sdk.fromNodeProviderChain({ profile: opts.profile, logger });
}

/** The region the client will sign for; a clear usage error when none is configured anywhere. */
export async function resolveRegion(client: { config: { region: () => Promise<string> } }): Promise<string> {
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch (e) {
    throw toAmiFindError(e);
  }
  if (!region) throw noRegionError();
  return region;
}
