/**
 * Loads the AWS SDK on the first AWS call: the bundle `npm run build` writes (dist/sdk/aws-sdk.cjs,
 * scripts/build-sdk.ts), or the installed packages when there is none (ts-jest runs the sources).
 * require(), not import(): import() of CommonJS would first scan the whole 2 MB client for its exports.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What ami-find uses of the SDK: exactly the exports of src/aws/sdk-bundle/entry.ts. */
export type AwsSdk = typeof import('./sdk-bundle/entry.js');

/** Where the SDK came from, for --debug. */
export interface LoadedSdk {
  sdk: AwsSdk;
  /** The bundle's path, or "node_modules" for the installed packages. */
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
    loaded = { sdk: require(BUNDLE) as AwsSdk, from: BUNDLE };
  } else {
    const { EC2Client, DescribeImagesCommand, DescribeRegionsCommand } = require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2');
    const { fromNodeProviderChain } = require('@aws-sdk/credential-providers') as typeof import('@aws-sdk/credential-providers');
    loaded = { sdk: { EC2Client, DescribeImagesCommand, DescribeRegionsCommand, fromNodeProviderChain }, from: 'node_modules' };
  }
  return loaded;
}

/** The SSM surface: exactly the exports of src/aws/sdk-bundle/ssm-entry.ts. */
export type SsmSdk = typeof import('./sdk-bundle/ssm-entry.js');

const SSM_BUNDLE = fileURLToPath(new URL('../../sdk/aws-sdk-ssm.cjs', import.meta.url));
let loadedSsm: SsmSdk | undefined;

/** The SSM client, loaded on first call from its own bundle (or the installed package without one). */
export function loadSsmSdk(): SsmSdk {
  if (loadedSsm) return loadedSsm;
  const require = createRequire(import.meta.url);
  if (existsSync(SSM_BUNDLE)) {
    loadedSsm = require(SSM_BUNDLE) as SsmSdk;
  } else {
    const { SSMClient, GetParameterCommand, GetParametersByPathCommand } = require('@aws-sdk/client-ssm') as typeof import('@aws-sdk/client-ssm');
    loadedSsm = { SSMClient, GetParameterCommand, GetParametersByPathCommand };
  }
  return loadedSsm;
}
