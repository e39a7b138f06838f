/**
 * Options, policies and fault settings of the local EC2 endpoint, and what it records.
 * Policies hold every behaviour that the endpoint README marks UNVERIFIED (Other policies),
 * so a test can switch them instead of the server guessing.
 */
import type { AllowedAmisSetting } from './allowed-amis.js';
import type { Catalogue } from '../types.js';
import type { OrderOptions } from './order.js';

export type { OrderOptions } from './order.js';

/** Per-page latency: `fixedMs` once per response plus `perItemMs` per image on the page. */
export interface LatencyOptions {
  fixedMs?: number;
  perItemMs?: number;
  /** Per region of the credential scope: replaces `fixedMs`/`perItemMs` for that region (a slow region). */
  regions?: Record<string, { fixedMs?: number; perItemMs?: number }>;
}

/** Error codes the fault injector can answer with (all retryable per contract §3.4). */
export type FaultCode = 'RequestLimitExceeded' | 'InternalError' | 'Unavailable';

/** Faults injected per server instance; settable at start and later via `setFaults`. */
export interface FaultOptions {
  /** Share (0..1) of calls answered 503 RequestLimitExceeded, drawn from a seeded RNG. */
  throttleRate?: number;
  /** Share (0..1) of calls answered 500 InternalError, drawn from the same RNG. */
  internalErrorRate?: number;
  /** Share (0..1) of calls whose connection is reset (socket destroyed, no response). */
  resetRate?: number;
  /** Fail attempts 1..count of every call (by `amz-sdk-request: attempt=N`) with `code`. */
  failFirstAttempts?: { count: number; code?: FaultCode | 'reset' };
  /** The first N pages of every DescribeImages listing are empty but still carry a token. */
  emptyPages?: number;
  /** Every page requested with a NextToken answers with that same token again. */
  repeatToken?: boolean;
  /** Seed of the fault RNG (default 1). */
  seed?: number | string;
  /** Only apply faults to these actions (default: every action). */
  actions?: string[];
  /**
   * Per region of the credential scope: that region's own faults (and RNG), used instead of the
   * settings above for requests signed for it (a region that throttles, resets or fails).
   */
  regions?: Record<string, Omit<FaultOptions, 'regions'>>;
}

import type { OwnerOnlyMember } from './visibility.js';

/** A status + code + message an UNVERIFIED error path answers with. */
export interface ErrorPolicy {
  status: number;
  code: string;
  /** Message; `{value}` is replaced with the offending value. */
  message: string;
}

/** Every UNVERIFIED behaviour as a setting; see DEFAULT_POLICY for the defaults and why. */
export interface ServerPolicy {
  /** Smallest accepted MaxResults (contract §4.2: other EC2 APIs use 5). */
  maxResultsMin: number;
  /** Largest accepted MaxResults (contract §4.2: other EC2 APIs often use 1000). */
  maxResultsMax: number;
  /** Error for MaxResults out of range or not an integer (`{value}` = the value sent). */
  maxResultsError: ErrorPolicy;
  /** MaxResults + ImageIds: 'reject' with `maxResultsWithImageIdsError`, or 'ignore' MaxResults, or 'page'. */
  maxResultsWithImageIds: 'reject' | 'ignore' | 'page';
  maxResultsWithImageIdsError: ErrorPolicy;
  /** Error for a forged, edited, foreign or unparseable NextToken. */
  invalidTokenError: ErrorPolicy;
  /** 403 answer for `unauthorizedAccessKeys` (contract §3.3: message and status UNVERIFIED). */
  unauthorizedError: ErrorPolicy;
  /** Message of InvalidUserID.Malformed (`{value}` = the bad owner/user; text UNVERIFIED). */
  malformedUserIdMessage: string;
  /** An empty page as `<imagesSet/>` ('element') or without the element ('omit': the SDK then gives Images undefined, contract §5.1). */
  emptyImagesSet: 'element' | 'omit';
  /** Also return a NextToken when a page is exactly full and nothing follows (seen on EC2: aws/aws-sdk-js#939); the next page is then empty and final. */
  tokenOnFullLastPage: boolean;
  /** HTTP status of AuthFailure (contract §3.3: 401 is moto's, UNVERIFIED for EC2). */
  authFailureStatus: number;
  /** Access keys answered with AuthFailure (for example expired keys). */
  expiredAccessKeys: string[];
  /** Access keys answered 403 UnauthorizedOperation (also under DryRun). */
  unauthorizedAccessKeys: string[];
  /** Access keys answered AccessDeniedException by SSM (EC2 still serves them unless in unauthorizedAccessKeys). */
  ssmDeniedAccessKeys: string[];
  /** Reject requests without a SigV4 Authorization header (MissingAuthenticationToken). */
  requireAuth: boolean;
  /** Verify SigV4 signatures and X-Amz-Date (SignatureDoesNotMatch, RequestExpired); off only for tests that say why. */
  verifySignatures: boolean;
  /** Largest accepted distance between X-Amz-Date and the server clock, in ms (README "Signatures": a policy). */
  signatureSkewMs: number;
  /** Several unknown ImageIds: list 'all' in the message, or only the 'first' (moto). */
  notFoundIds: 'all' | 'first';
  /** A filter sent without values: matches nothing ('match-none') or is an error ('error'). */
  filterWithoutValues: 'match-none' | 'error';
  /**
   * Image members only the owner sees: shown to nobody else, and filters over them (tag:<key>, tag-key,
   * source-instance-id) match nothing for other callers. Tags are documented (EC2 user guide, "Share an
   * AMI with specific AWS accounts"); the others are UNVERIFIED (README "Visibility").
   */
  hiddenFromNonOwners: OwnerOnlyMember[];
  /** Accounts in the caller's organization: org/OU shares count for them. Default: every catalogue account. */
  organizationAccounts?: string[];
  /** Most filters in one request: nothing documented or observed; 200, the bound on values (README "Limits"). */
  maxFilters: number;
  /** Most filter values in one request, all filters together: 200 as real EC2 answers on other describe APIs (README "Limits"). */
  maxFilterValues: number;
  /** Longest filter value: 255 characters as real EC2 answers on DescribeInstances (README "Limits"). */
  maxFilterValueLength: number;
  /** Largest request body in bytes. */
  maxBodyBytes: number;
  /** Longest single parameter value in characters. */
  maxValueLength: number;
  /** Most entries in one list (Owner.N, Filter.N, Filter.N.Value.M, ...). */
  maxListEntries: number;
  /**
   * Requests signed for a region whose opt-in status is `not-opted-in` (README "Regions"): 'auth-failure'
   * answers AuthFailure "AWS was not able to validate the provided access credentials", as real EC2 does
   * (sources in README "Regions"); 'serve' answers as if the region were enabled.
   * Every action: the region's endpoint does not take the account's credentials at all.
   */
  notOptedIn: 'auth-failure' | 'serve';
  /** Opt-in status per region for the caller's account, over the catalogue's (e.g. enable a region). */
  optInStatus?: Record<string, 'opt-in-not-required' | 'opted-in' | 'not-opted-in'>;
  /** The clock used for deprecation (`DeprecationTime <= now` means deprecated). */
  now: () => Date;
  /**
   * Share (0..1) of paged DescribeImages pages (MaxResults sent) that come back short: fewer items
   * than MaxResults, a quarter of them none, still with a token (contract §4.2: EC2 does this; how
   * often is UNVERIFIED). Never two empty ones in a row. Requests without MaxResults are never short.
   */
  shortPageRate: number;
  /**
   * The caller account's Allowed AMIs setting (./allowed-amis.ts). Absent: the setting is disabled and
   * images carry no `ImageAllowed` (a policy: botocore only describes the member with the setting on).
   */
  allowedAmis?: AllowedAmisSetting;
}

/** Options of `startEc2Local`. */
export interface Ec2LocalOptions {
  catalogue?: Catalogue;
  /** Port to bind on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  latency?: LatencyOptions;
  faults?: FaultOptions;
  policy?: Partial<ServerPolicy>;
  /**
   * Access key -> secret access key of every key the endpoint accepts (default: test/support/accounts.ts
   * SECRET_KEYS). A key of the catalogue's `accessKeys` without an entry here gets the shared test secret.
   */
  secretKeys?: Record<string, string>;
  /** Result order (contract §4.3: it might vary, nested lists too): by default a seeded order per query; `fixed` serves catalogue order. */
  order?: OrderOptions;
  /** Key for HMAC-binding NextTokens (default: random per instance). */
  tokenSecret?: string;
  /** Most requests kept in `requests` (oldest dropped first); default 100000. */
  recordLimit?: number;
  /** Receives diagnostic lines such as internal errors (the standalone server writes them to stderr). */
  log?: (line: string) => void;
  /** Extra public SSM parameters per region (name -> value), over those derived from the catalogue. */
  ssmParameters?: Record<string, Record<string, string>>;
}

/** One request as the server saw it, for tests. */
export interface RecordedRequest {
  action: string;
  params: Record<string, string>;
  /** `attempt=N` of the `amz-sdk-request` header (1 when absent). */
  attempt: number;
  invocationId?: string;
  region?: string;
  accessKey?: string;
  status: number;
  /** Error code answered, if any. */
  code?: string;
  requestId: string;
  method: string;
  path: string;
  /** When the request arrived (Date.now()), for tests of what runs side by side. */
  receivedAt: number;
}
