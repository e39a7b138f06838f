/** The ImagePageSource over the real SDK: one DescribeImages call per page. */
import type { AwsClientOptions, ImagePageSource } from '../types.js';
import { createEc2Client, resolveRegion } from './client.js';
import { toAmiFindError } from './errors.js';
import { withPageRequest } from './fast/middleware.js';
import { loadAwsSdk } from './sdk.js';

/** An ImagePageSource that sends DescribeImages through @aws-sdk/client-ec2 (loaded on first use). */
export async function createEc2PageSource(opts: AwsClientOptions = {}): Promise<ImagePageSource> {
  const client = await createEc2Client(opts);
  const region = await resolveRegion(client);
  const { DescribeImagesCommand } = loadAwsSdk().sdk;
  const ctx = { region, endpoint: opts.endpoint };
  return {
    async describeImagesPage(input, signal, request) {
      const command = new DescribeImagesCommand(input);
      if (request !== undefined) withPageRequest(command, request);
      try {
        return await client.send(command, { abortSignal: signal });
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
    async describeImagesPage(input, signal, request) {
      source ??= createEc2PageSource(opts);
      return (await source).describeImagesPage(input, signal, request);
    },
  };
}
