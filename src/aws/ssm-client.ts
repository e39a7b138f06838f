/**
 * The SSM client factory, for --ssm, `ami-find ssm` and the preset cross-check: same region, profile,
 * retries, timeouts and --debug log as the EC2 client (src/aws/client.ts), from its own lazily loaded
 * bundle. Its endpoint is the SDK's own choice (AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, the profile's):
 * --endpoint-url names the EC2 endpoint only.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClientOptions } from '../types.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS } from './client.js';
import { installDebugLogging } from './debug-log.js';
import { noRegionError, toAmiFindError } from './errors.js';
import { withoutNodeVersionWarning } from './node-version-warning.js';
import { loadAwsSdk, loadSsmSdk } from './sdk.js';

/** Create an SSM client for one (profile, region); throws E_NO_REGION when no region resolves. */
export async function createSsmClient(opts: AwsClientOptions = {}): Promise<SSMClient> {
  const { fromNodeProviderChain } = loadAwsSdk().sdk;
  const { SSMClient } = loadSsmSdk();
  const log = opts.debug;
  const logger = { debug: () => {}, info: () => {}, warn: (m: unknown) => log?.(`sdk warning: ${String(m)}`), error: () => {} };
  const client = withoutNodeVersionWarning(() => new SSMClient({
    region: opts.region,
    profile: opts.profile,
    maxAttempts: opts.maxAttempts,
    retryMode: opts.retryMode === 'legacy' ? 'standard' : opts.retryMode,
    requestHandler: { connectionTimeout: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, socketTimeout: opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS },
    credentials: opts.credentials ?? fromNodeProviderChain({ profile: opts.profile, logger }),
  }));
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch (e) {
    throw toAmiFindError(e);
  }
  if (!region) throw noRegionError();
  if (log) {
    log(`ssm client: region ${region}, profile ${opts.profile ?? '(default chain)'}, endpoint (SDK default or AWS_ENDPOINT_URL_SSM/AWS_ENDPOINT_URL)`);
    // The middleware stack has the same shape as the EC2 client's.
    installDebugLogging(client as unknown as Parameters<typeof installDebugLogging>[0], log);
  }
  return client;
}
