/**
 * Build step after the CLI bundle (cli-bundle.ts): loads dist/cli/bundle/run-command.cjs without
 * its code cache, runs two listings through it against a stub on loopback (so that commander, the
 * option resolution, the listing and the renderers are compiled too), then writes the code cache.
 * Run in its own process by src/build/index.ts, so that the cache describes the bundle as a
 * fresh run compiles it; its listings print to that process's stdout, which the build drops.
 * Usage: node dist/src/build/warm-cli.js <run-command.cjs>
 */
import { loadBundle, writeCodeCache } from '../code-cache.js';
import type * as RunCommand from '../cli/run-command.js';
import { releaseYoungGeneration } from '../cli/run-listing.js';
import { withStubEc2 } from './stub-ec2.js';

const IMAGE = (id: string, name: string) => `<item><imageId>${id}</imageId><imageLocation>123456789012/${name}</imageLocation>`
  + '<imageState>available</imageState><imageOwnerId>123456789012</imageOwnerId><creationDate>2026-01-02T03:04:05.000Z</creationDate>'
  + `<isPublic>false</isPublic><architecture>x86_64</architecture><imageType>machine</imageType><name>${name}</name>`
  + '<rootDeviceType>ebs</rootDeviceType><virtualizationType>hvm</virtualizationType></item>';
const PAGE = '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
  + `<requestId>warm-1</requestId><imagesSet>${IMAGE('ami-0123456789abcdef0', 'warm-a')}${IMAGE('ami-0123456789abcdef1', 'warm-b')}</imagesSet></DescribeImagesResponse>`;

/** Exercise the bundle with two listings and write its code cache; resolves to the cache size in bytes. */
async function warmCli(bundle: string): Promise<number> {
  const loaded = loadBundle(bundle, { useCache: false });
  const { runCommand } = loaded.exports as typeof RunCommand;
  // Static keys and no config files (index.ts passes on no AWS settings): nothing of this machine is read.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIDWARMUP', AWS_SECRET_ACCESS_KEY: 'warm', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  await withStubEc2(PAGE, async (endpoint) => {
    for (const output of ['table', 'ids']) {
      const argv = ['--region', 'us-east-1', '--endpoint-url', endpoint, '--owner', 'self', '--output', output];
      const code = await runCommand(argv, () => undefined);
      if (code !== 0) throw new Error(`warm-up listing ${argv.join(' ')} exited ${code}`);
    }
  });
  // A listing holds V8's young generation after its first page, and V8 takes a code cache only
  // under the flags it was written with.
  releaseYoungGeneration();
  return writeCodeCache(bundle, loaded);
}

const bundle = process.argv[2];
if (bundle !== undefined && process.argv[1]?.endsWith('warm-cli.js')) {
  const bytes = await warmCli(bundle);
  process.stderr.write(`cli code cache: ${bundle}.cache (${Math.round(bytes / 1024)} KiB)\n`);
}
