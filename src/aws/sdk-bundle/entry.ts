/**
 * The whole AWS SDK surface ami-find uses at run time. `npm run build` bundles this module and
 * what it reaches into dist/sdk/aws-sdk.cjs (see scripts/build-sdk.ts); src/aws/sdk.ts loads that bundle, or
 * these packages themselves when no bundle was built (ts-jest runs the sources).
 */
export { EC2Client, DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
export { fromNodeProviderChain } from '@aws-sdk/credential-providers';
