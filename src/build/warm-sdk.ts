/**
 * Build step after the bundle (sdk-bundle.ts): loads dist/sdk/aws-sdk.cjs without its code cache,
 * sends one DescribeImages through it to a stub on loopback (so that the functions of a first
 * request are compiled too), then writes the code cache. Run in its own process by
 * src/build/index.ts, so that the cache describes the bundle as a fresh run compiles it.
 * Usage: node dist/src/build/warm-sdk.js <bundle>
 */
import { loadBundle, writeCodeCache } from '../code-cache.js';
import type * as Entry from '../aws/sdk-bundle/entry.js';
import { withStubEc2 } from './stub-ec2.js';

const EMPTY_PAGE = '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
  + '<requestId>warm-1</requestId><imagesSet/></DescribeImagesResponse>';

/** Exercise the bundle once and write its code cache; resolves to the cache size in bytes. */
async function warmBundle(bundle: string): Promise<number> {
  const loaded = loadBundle(bundle, { useCache: false });
  const { EC2Client, DescribeImagesCommand } = loaded.exports as typeof Entry;
  await withStubEc2(EMPTY_PAGE, async (endpoint) => {
    // Static keys: the warm-up reads no credentials from this machine.
    const client = new EC2Client({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIDWARMUP', secretAccessKey: 'warm' } });
    await client.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 5 }));
    client.destroy();
  });
  return writeCodeCache(bundle, loaded);
}

const bundle = process.argv[2];
if (bundle !== undefined && process.argv[1]?.endsWith('warm-sdk.js')) {
  const bytes = await warmBundle(bundle);
  process.stderr.write(`sdk code cache: ${bundle}.cache (${Math.round(bytes / 1024)} KiB)\n`);
}
