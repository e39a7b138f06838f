/**
 * The SSM surface of the SDK, bundled apart from entry.ts into dist/sdk/aws-sdk-ssm.cjs (scripts/build-sdk.ts):
 * only --ssm, the ssm subcommand and the preset cross-check load it, so a plain listing never parses it.
 */
export { SSMClient, GetParameterCommand, GetParametersByPathCommand } from '@aws-sdk/client-ssm';
