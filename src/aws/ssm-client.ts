/**
 * The SSM client factory, for --ssm, `ami-find ssm` and the preset cross-check: same region, profile,
 * retries, timeouts and --debug log as the EC2 client (src/aws/client.ts), from its own lazily loaded
 * bundle. Its endpoint is the SDK's own choice (AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, the profile's):
 * --endpoint-url names the EC2 endpoint only.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClientOptions } from '../types.js';
import { resolveRegion, sharedClientConfig } from './client.js';
import { installDebugLogging } from './debug-log.js';
import { withoutNodeVersionWarning } from './node-version-warning.js';
import { loadSsmSdk } from './sdk.js';

/** Create an SSM client for one (profile, region); throws E_NO_REGION when no region resolves. */
export async function createSsmClient(opts: AwsClientOptions = {}): Promise<SSMClient> {
  const { SSMClient } = loadSsmSdk();
  const log = opts.debug;
  const client = withoutNodeVersionWarning(() => new SSMClient(sharedClientConfig(opts)));
  const region = await resolveRegion(client);
  if (log) {
    log(`ssm client: region ${region}, profile ${opts.profile ?? '(default chain)'}, endpoint (SDK default or AWS_ENDPOINT_URL_SSM/AWS_ENDPOINT_URL)`);
    // The middleware stack has the same shape as the EC2 client's.
    installDebugLogging(client as unknown as Parameters<typeof installDebugLogging>[0], log);
  }
  return client;
}
