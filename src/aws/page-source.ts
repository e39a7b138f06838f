/** The ImagePageSource over the real SDK: one DescribeImages call per page. */
import type { AwsClientOptions, ImagePageSource } from '../types.js';
import { createEc2Client, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, resolveRegion } from './client.js';
import { toAmiFindError, type ErrorContext } from './errors.js';
import { loadAwsSdk } from './sdk.js';

/** An ImagePageSource that sends DescribeImages through @aws-sdk/client-ec2 (loaded on first use); `region` is the one it signs for. */
export async function createEc2PageSource(opts: AwsClientOptions = {}): Promise<ImagePageSource & { region: string }> {
  const client = await createEc2Client(opts);
  const region = await resolveRegion(client);
  const { DescribeImagesCommand } = loadAwsSdk().sdk;
  const ctx: ErrorContext = {
    region,
    endpoint: opts.endpoint,
    // What the retry strategy allows (flag, AWS_MAX_ATTEMPTS, profile or the SDK's 3): fewer made means its quota ran out.
    maxAttempts: await client.config.maxAttempts().catch(() => undefined),
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    readTimeoutMs: opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
  };
  return {
    region,
    async describeImagesPage(input, signal) {
      try {
        return await client.send(new DescribeImagesCommand(input), { abortSignal: signal });
      } catch (e) {
        throw toAmiFindError(e, ctx);
      }
    },
  };
}

/**
 * An ImagePageSource that creates its EC2 client on the first page and reuses it for every later
 * page and listing: one credential resolution (SSO, process, IMDS) per run, not one per query.
 */
export function lazyEc2PageSource(opts: AwsClientOptions = {}): ImagePageSource {
  let source: Promise<ImagePageSource> | undefined;
  return {
    async describeImagesPage(input, signal) {
      source ??= createEc2PageSource(opts);
      return (await source).describeImagesPage(input, signal);
    },
  };
}
