/** Accounts and access keys the local EC2 endpoint and the tests agree on. */

/** The caller's own account ("self") for the default test access key. */
export const SELF_ACCOUNT = '123456789012';
/** Another customer account that shares some private images with SELF_ACCOUNT. */
export const OTHER_ACCOUNT = '210987654321';

export const DEFAULT_ACCESS_KEY = 'AKIAAMIFINDSELF00001';
export const OTHER_ACCESS_KEY = 'AKIAAMIFINDOTHER0001';
/** Access key the local endpoint answers with AuthFailure (an expired/invalid credential). */
export const EXPIRED_ACCESS_KEY = 'AKIAAMIFINDEXPIRED01';
/** Access key the local endpoint answers with 403 UnauthorizedOperation (no ec2:DescribeImages permission). */
export const UNAUTHORIZED_ACCESS_KEY = 'AKIAAMIFINDNOPERM001';
export const SECRET_KEY = 'amifind/local/secret/not-a-real-key000001';
/** The example key pair of the AWS documentation ("Managing access keys"); the local endpoint maps it to SELF_ACCOUNT. */
export const EXAMPLE_ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const EXAMPLE_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Access key -> secret: every key the local endpoint accepts (it verifies SigV4 signatures; any other key is AuthFailure). */
export const SECRET_KEYS: Record<string, string> = {
  [DEFAULT_ACCESS_KEY]: SECRET_KEY,
  [OTHER_ACCESS_KEY]: SECRET_KEY,
  [EXPIRED_ACCESS_KEY]: SECRET_KEY,
  [UNAUTHORIZED_ACCESS_KEY]: SECRET_KEY,
  [EXAMPLE_ACCESS_KEY]: EXAMPLE_SECRET_KEY,
};

/** Access key -> account, as the endpoint resolves "self". */
export const ACCESS_KEYS: Record<string, string> = {
  [DEFAULT_ACCESS_KEY]: SELF_ACCOUNT,
  [OTHER_ACCESS_KEY]: OTHER_ACCOUNT,
};

/** Environment for a child process (ami-find, boto3, aws CLI) pointed at a local endpoint, isolated from the user's AWS files. */
export function localAwsEnv(endpointUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  return {
    ...env,
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/ami-find-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ami-find-test/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_EC2: endpointUrl,
    // The local endpoint speaks SSM too (test/ec2-local/README.md, SSM): --ssm and the preset cross-check read it.
    AWS_ENDPOINT_URL_SSM: endpointUrl,
    NO_COLOR: '1',
    ...extra,
  };
}
