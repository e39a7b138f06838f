/**
 * Defaults of the server policy. Each one is an UNVERIFIED point of the contract (§7): the
 * default is the most plausible real behaviour, or the one that makes client bugs visible.
 */
import { EXPIRED_ACCESS_KEY, UNAUTHORIZED_ACCESS_KEY } from '../../support/accounts.js';
import type { ServerPolicy } from './options.js';

/** The policy every server starts with unless overridden. */
export const DEFAULT_POLICY: ServerPolicy = {
  // Other EC2 describe APIs enforce 5..1000 (aws/aws-sdk-ruby#2575); same message shape.
  maxResultsMin: 5,
  maxResultsMax: 1000,
  maxResultsError: {
    status: 400,
    code: 'InvalidParameterValue',
    message: 'Value ( {value} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.',
  },
  // DescribeInstances documents this rule; rejecting makes clients that send both visible.
  maxResultsWithImageIds: 'reject',
  maxResultsWithImageIdsError: {
    status: 400,
    code: 'InvalidParameterCombination',
    message: 'The parameter imageIdsSet cannot be used with the parameter maxResults',
  },
  // Seen on DescribeVpcs (boto/boto3#2673).
  invalidTokenError: {
    status: 400,
    code: 'InvalidParameterValue',
    message: 'Value ( {value} ) for parameter NextToken is invalid. The token is invalid.',
  },
  unauthorizedError: { status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' },
  malformedUserIdMessage: 'Invalid user id: "{value}"',
  emptyImagesSet: 'element',
  tokenOnFullLastPage: false,
  authFailureStatus: 401,
  expiredAccessKeys: [EXPIRED_ACCESS_KEY],
  unauthorizedAccessKeys: [UNAUTHORIZED_ACCESS_KEY],
  ssmDeniedAccessKeys: [UNAUTHORIZED_ACCESS_KEY],
  requireAuth: true,
  verifySignatures: true,
  // SigV4 answers say 5 minutes; the Common Errors text of RequestExpired says 15. The stricter one.
  signatureSkewMs: 5 * 60 * 1000,
  notFoundIds: 'all',
  // Tags: documented. The rest: UNVERIFIED, hidden because an absent member is what every client must
  // handle anyway, while a member shown here and absent on EC2 would hide a client's dependence on it.
  hiddenFromNonOwners: ['Tags', 'LastLaunchedTime', 'SourceInstanceId', 'DeregistrationProtection'],
  filterWithoutValues: 'match-none',
  // FilterLimitExceeded: 200 values per call and 255 characters per value are real EC2 answers on
  // DescribeInstances/DescribeTags; not documented for DescribeImages. The filter count is not known at all.
  maxFilters: 200,
  maxFilterValues: 200,
  maxFilterValueLength: 255,
  maxBodyBytes: 1024 * 1024,
  maxValueLength: 4096,
  maxListEntries: 1000,
  now: () => new Date(),
  // EC2 returns short and empty pages with a token (contract §4.2); the rate is a policy. On by
  // default so every suite pages like EC2; tests that need full pages set 0.
  shortPageRate: 0.1,
  notOptedIn: 'auth-failure',
};

/** The default policy with `overrides` applied. */
export function resolvePolicy(overrides: Partial<ServerPolicy> = {}): ServerPolicy {
  const policy = { ...DEFAULT_POLICY, ...overrides };
  if (overrides.maxResultsError === undefined
    && (overrides.maxResultsMin !== undefined || overrides.maxResultsMax !== undefined)) {
    policy.maxResultsError = {
      ...DEFAULT_POLICY.maxResultsError,
      message: `Value ( {value} ) for parameter maxResults is invalid. Expecting a value between ${policy.maxResultsMin} and ${policy.maxResultsMax}.`,
    };
  }
  return policy;
}
