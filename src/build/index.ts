/**
 * `npm run build`, after tsc: the bundles bin/ami-find.js runs.
 *   dist/sdk/aws-sdk.cjs (+ .cache)  the AWS SDK surface, with its V8 code cache (src/aws/sdk-bundle)
 *   dist/cli/bundle/main.mjs + chunks the CLI's fast path (cli-bundle.ts)
 *   dist/cli/bundle/run-command.cjs (+ .cache)  the rest of the CLI, with its V8 code cache
 * Usage: node dist/src/build/index.js
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSdk } from './sdk-bundle.js';
import { bundleCli, RUN_COMMAND_BUNDLE } from './cli-bundle.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dist = join(root, 'dist');

const sdk = join(dist, 'sdk', 'aws-sdk.cjs');
const sdkBytes = await bundleSdk(join(root, 'src', 'aws', 'sdk-bundle', 'entry.ts'), sdk);
process.stderr.write(`build: ${sdk} (${Math.round(sdkBytes / 1024)} KiB)\n`);
warmUp('warm-sdk.js', sdk);

const cliDir = join(dist, 'cli', 'bundle');
rmSync(cliDir, { recursive: true, force: true }); // chunk names carry hashes: drop the old ones
const files = await bundleCli(join(dist, 'src', 'cli', 'main.js'), cliDir);
process.stderr.write(`build: ${join(cliDir, 'main.mjs')} (${files} files)\n`);
warmUp('warm-cli.js', join(cliDir, RUN_COMMAND_BUNDLE));

/**
 * Run a warm-up script on `bundle` in a fresh process: the code cache must describe the bundle as
 * a new run compiles it. Its stdout (the warm-up's own output) is dropped. Only PATH is passed on:
 * no AWS or ami-find settings of this machine change what is warmed (or send it elsewhere), and
 * no NODE_OPTIONS V8 flags, under which V8 would reject the cache at run time.
 */
function warmUp(script: string, bundle: string): void {
  const warm = spawnSync(process.execPath, [join(here, script), bundle], {
    stdio: ['ignore', 'ignore', 'inherit'], env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (warm.status !== 0) process.exit(warm.status ?? 1);
}
