/**
 * Loads the AWS SDK on demand. Why require() rather than import(): the SDK ships CommonJS bundles
 * (@aws-sdk/client-ec2 dist-cjs/index.js is 2 MB) and import() of CommonJS runs cjs-module-lexer
 * over the whole file to find its named exports; require() skips that. Measured on the dev box:
 * 0.9-1.2 s with require() against 2.2-2.5 s with import(). Same module instances either way
 * (both go through Node's CommonJS cache).
 */
import { createRequire } from 'node:module';

type Ec2Sdk = typeof import('@aws-sdk/client-ec2');
type CredentialProviders = typeof import('@aws-sdk/credential-providers');

/** @aws-sdk/client-ec2, loaded on first call. */
export function loadEc2Sdk(): Ec2Sdk {
  return createRequire(import.meta.url)('@aws-sdk/client-ec2') as Ec2Sdk;
}

/** @aws-sdk/credential-providers, loaded on first call. */
export function loadCredentialProviders(): CredentialProviders {
  return createRequire(import.meta.url)('@aws-sdk/credential-providers') as CredentialProviders;
}
