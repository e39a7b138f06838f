/**
 * Loads the AWS SDK on demand: the bundle `npm run build` writes to dist/sdk/aws-sdk.cjs
 * (src/build/sdk-bundle.ts says why), or, when there is none (ts-jest runs the sources), the
 * installed @aws-sdk packages, through require(): import() of CommonJS would first run
 * cjs-module-lexer over the whole 2 MB client to find its named exports.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../code-cache.js';

/** What ami-find uses of the SDK: exactly the exports of src/aws/sdk-bundle/entry.ts. */
export type AwsSdk = typeof import('./sdk-bundle/entry.js');

/** Where the SDK came from, for --debug. */
export interface LoadedSdk {
  sdk: AwsSdk;
  /** The bundle's path (and whether its code cache was used), or "node_modules" for the installed packages. */
  from: string;
}

// From dist/src/aws/sdk.js this is dist/sdk/aws-sdk.cjs; from src/aws/sdk.ts it does not exist.
const BUNDLE = fileURLToPath(new URL('../../sdk/aws-sdk.cjs', import.meta.url));

let loaded: LoadedSdk | undefined;

/** The SDK surface, loaded on first call (the bundle when built, else the installed packages). */
export function loadAwsSdk(): LoadedSdk {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  if (existsSync(BUNDLE)) {
    const bundle = loadBundle(BUNDLE);
    loaded = { sdk: bundle.exports as AwsSdk, from: `${BUNDLE}${bundle.cached ? ' (code cache)' : ''}` };
  } else {
    const { EC2Client, DescribeImagesCommand } = require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2');
    const { fromNodeProviderChain } = require('@aws-sdk/credential-providers') as typeof import('@aws-sdk/credential-providers');
    loaded = { sdk: { EC2Client, DescribeImagesCommand, fromNodeProviderChain }, from: 'node_modules' };
  }
  return loaded;
}
