/** The ImagePageSource over the real SDK: one DescribeImages call per page. */
import type { AwsClientOptions, ImagePageSource } from '../types.js';
import { createEc2Client, resolveRegion } from './client.js';
import { toAmiFindError } from './errors.js';
import { loadEc2Sdk } from './sdk.js';

/** An ImagePageSource that sends DescribeImages through @aws-sdk/client-ec2 (loaded on first use). */
export async function createEc2PageSource(opts: AwsClientOptions = {}): Promise<ImagePageSource> {
  const client = await createEc2Client(opts);
  const region = await resolveRegion(client);
  const { DescribeImagesCommand } = loadEc2Sdk();
  const ctx = { region, endpoint: opts.endpoint };
  return {
    async describeImagesPage(input, signal) {
      try {
        return await client.send(new DescribeImagesCommand(input), { abortSignal: signal });
      } catch (e) {
        throw toAmiFindError(e, ctx);
      }
    },
  };
}
