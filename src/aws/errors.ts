/**
 * SDK, EC2 and network failures as AmiFindErrors: a stable code, the documented exit code and one
 * line that keeps EC2's own error code. No SDK import: errors are read structurally.
 */
import { AmiFindError, EXIT, type ExitCode } from '../errors.js';
import { redactUrls } from '../redact-url.js';
import { REGIONS } from '../query/vocabulary.js';
import { IMAGE_ID_HINT } from '../query/build-query.js';

/** The name of the error a 2xx answer that is not EC2's XML fails with (not retried). */
export const NOT_EC2_ERROR = 'AmiFindNotEc2Response';
/** The name of the error a 2xx answer cut short fails with (retried as a transient failure). */
export const TRUNCATED_ERROR = 'AmiFindTruncatedResponse';

/** What the caller knows that makes a message clearer. */
export interface ErrorContext {
  /** The service that answered, as messages name it (default EC2). */
  service?: 'EC2' | 'SSM';
  region?: string;
  endpoint?: string;
  /** The attempts the retry strategy was allowed per request: fewer made means its retry quota ran out. */
  maxAttempts?: number;
  /** The client's timeouts in ms, to name them when one ran out. */
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
}

/** The shapes SDK, service and Node network errors come in. */
interface LooseError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  hostname?: string;
  input?: string;
  address?: string;
  port?: number;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
  cause?: unknown;
}

const CREDENTIAL_CODES = new Set([
  'AuthFailure', 'ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'SignatureDoesNotMatch',
  'InvalidClientTokenId', 'UnrecognizedClientException', 'IncompleteSignature', 'MissingAuthenticationToken',
  'InvalidAccessKeyId',
]);
/** Codes EC2 uses for a request it will not serve as given (exit 4), with their stable ami-find code. */
const REJECTED_CODES: Record<string, string> = {
  'InvalidParameterValue': 'E_INVALID_PARAMETER',
  'InvalidParameter': 'E_INVALID_PARAMETER',
  'InvalidParameterCombination': 'E_INVALID_PARAMETER',
  'InvalidFilter': 'E_INVALID_PARAMETER',
  'InvalidAMIID.NotFound': 'E_IMAGE_NOT_FOUND',
  'InvalidAMIID.Malformed': 'E_IMAGE_ID_MALFORMED',
  'InvalidAMIID.Unavailable': 'E_IMAGE_NOT_FOUND',
  'InvalidUserID.Malformed': 'E_INVALID_PARAMETER',
  'InvalidNextToken': 'E_BAD_NEXT_TOKEN',
  'InvalidPaginationToken': 'E_BAD_NEXT_TOKEN',
};
/** The SDK's THROTTLING class (@smithy/core service-error-classification). */
const THROTTLING_CODES = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EPROTO', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** What the SDK's retry strategies retry besides throttling (@smithy/core isTransientError): these codes, timeouts, 5xx. */
const RETRIED_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const RETRIED_STATUSES = new Set([500, 502, 503, 504]);
/** A DNS failure as Node words it (`getaddrinfo ENOTFOUND host`), also inside another error's message. */
const DNS_FAILURE = /\bgetaddrinfo (ENOTFOUND|EAI_AGAIN) ([^\s'"]+)/;

/** Map anything thrown while talking to EC2 to an AmiFindError (AmiFindErrors pass through unchanged). */
export function toAmiFindError(err: unknown, ctx: ErrorContext = {}): AmiFindError {
  if (err instanceof AmiFindError) return err;
  const e: LooseError = typeof err === 'object' && err !== null ? (err as LooseError) : { message: String(err) };
  const make = (code: string, exit: ExitCode, message: string, hint?: string) =>
    new AmiFindError(code, exit, oneLine(redactUrls(message)), hint, { cause: err });
  const message = e.message ?? String(err);
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return make('E_INTERRUPTED', EXIT.INTERRUPTED, 'interrupted');
  const answer = answerError(e, ctx, make);
  if (answer) return answer;
  if (e.code === 'ERR_INVALID_URL') {
    // The SDK read an endpoint that is no URL from AWS_ENDPOINT_URL(_EC2) or the profile's endpoint_url.
    return make('E_BAD_ENDPOINT', EXIT.USAGE, `invalid endpoint URL${e.input !== undefined ? ` "${String(e.input)}"` : ''}`,
      "check --endpoint-url, AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL and the profile's endpoint_url");
  }
  const credentialsDns = e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError' ? DNS_FAILURE.exec(message) : null;
  if (credentialsDns) {
    // A credential provider that calls a regional endpoint (sign-in, STS) failed to resolve it: a network failure, not bad credentials.
    return networkError({ ...e, code: credentialsDns[1], hostname: credentialsDns[2]!.replace(/\.$/, '') }, ctx, make)!;
  }
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError') {
    // Credentials come before the first request: an unknown region cannot show yet, so name the suspicion.
    const region = ctx.region !== undefined && !(REGIONS as readonly string[]).includes(ctx.region)
      ? `; also, "${ctx.region}" is not a region ami-find knows (check --region)` : '';
    return make('E_NO_CREDENTIALS', EXIT.CREDENTIALS, `no AWS credentials: ${message}`,
      `set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, choose a profile with --profile, or run \`aws sso login\`${region}`);
  }
  if (/^Region is missing/.test(message)) return noRegionError();
  const network = networkError(e, ctx, make);
  if (network) return network;
  const service = e.Code ?? (e.$metadata?.httpStatusCode !== undefined || e.$fault ? e.name : undefined);
  if (service !== undefined) return serviceError(service, e, ctx, make);
  return make('E_INTERNAL', EXIT.INTERNAL, `unexpected error: ${e.name ? `${e.name}: ` : ''}${message}`);
}

/** No region from --region, the environment or the profile: a usage error (exit 2). */
export function noRegionError(): AmiFindError {
  return new AmiFindError('E_NO_REGION', EXIT.USAGE, 'no AWS region configured',
    'pass --region, set AWS_REGION (or AWS_DEFAULT_REGION), or set region in the profile');
}

type Make = (code: string, exit: ExitCode, message: string, hint?: string) => AmiFindError;

function serviceError(code: string, e: LooseError, ctx: ErrorContext, make: Make): AmiFindError {
  const status = e.$metadata?.httpStatusCode;
  const text = `${code}${status !== undefined ? ` (HTTP ${status})` : ''}: ${e.message ?? ''}`.trim();
  const svc = ctx.service ?? 'EC2';
  if (code === 'DryRunOperation') return make('E_DRY_RUN_OK', EXIT.OK, `dry run: the request would have succeeded (${code})`);
  if (CREDENTIAL_CODES.has(code)) {
    return make('E_CREDENTIALS', EXIT.CREDENTIALS, `${svc} rejected the credentials: ${text}`,
      'check the access key and secret, or refresh an expired session (aws sso login)');
  }
  if (code === 'UnauthorizedOperation' || code === 'AccessDenied' || code === 'AccessDeniedException') {
    return make('E_UNAUTHORIZED', EXIT.UNAUTHORIZED, `not authorized: ${text}`, 'the identity needs ec2:DescribeImages');
  }
  if (THROTTLING_CODES.has(code) || status === 429) {
    const quota = quotaRanOut(e, ctx);
    return make('E_THROTTLED', EXIT.THROTTLED, `${svc} throttled the request ${triesText(e, ctx)}: ${text}`,
      quota ? QUOTA_HINT : 'wait and retry, or raise --max-attempts');
  }
  if (status !== undefined && status >= 500) {
    const quota = RETRIED_STATUSES.has(status) && quotaRanOut(e, ctx);
    return make('E_SERVICE_UNAVAILABLE', EXIT.THROTTLED, `${svc} service error ${triesText(e, ctx, RETRIED_STATUSES.has(status))}: ${text}`,
      quota ? QUOTA_HINT : 'retry later');
  }
  if (code === 'InvalidAMIID.Malformed') {
    // Malformed is a usage error wherever it is found: ami-find checks --image-id and show's IDs itself (exit 2).
    return make('E_IMAGE_ID_MALFORMED', EXIT.USAGE, `EC2 rejected the request: ${text}`, IMAGE_ID_HINT);
  }
  const rejected = REJECTED_CODES[code];
  if (rejected) return make(rejected, EXIT.REQUEST_REJECTED, `EC2 rejected the request: ${text}`);
  // 'Unknown' is what the SDK names a non-EC2 error body, e.g. a wrong --endpoint-url answering 404.
  const hint = code === 'Unknown' ? 'the endpoint did not answer like EC2: check the endpoint URL' : undefined;
  return make('E_REJECTED', EXIT.REQUEST_REJECTED, `EC2 rejected the request: ${text}`, hint);
}

/** Why a retried failure ended before --max-attempts: said instead of "raise --max-attempts", which would not help. */
const QUOTA_HINT = "the SDK's retry quota ran out (it stops retrying after many failed retries in one run, whatever "
  + '--max-attempts says, as the AWS CLI does): wait a minute and resume; --retry-mode adaptive slows down before EC2 throttles';

/** Whether the retry strategy gave up on a retried failure before its allowed attempts: its retry quota ran out. */
function quotaRanOut(e: LooseError, ctx: ErrorContext): boolean {
  const attempts = e.$metadata?.attempts;
  return attempts !== undefined && ctx.maxAttempts !== undefined && attempts < ctx.maxAttempts;
}

/** "after 3 attempts", or "after 2 of 5 attempts: the SDK's retry quota ran out" when it did. */
function triesText(e: LooseError, ctx: ErrorContext, retried = true): string {
  const attempts = e.$metadata?.attempts ?? 1;
  if (retried && quotaRanOut(e, ctx)) return `after ${attempts} of ${ctx.maxAttempts} attempts (the SDK's retry quota ran out)`;
  return `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}

/** A 2xx answer that was not EC2's XML or was cut short (./describe-images/response-check.ts): exit 8, both. */
function answerError(e: LooseError, ctx: ErrorContext, make: Make): AmiFindError | undefined {
  if (e.name === NOT_EC2_ERROR) {
    return make('E_NOT_EC2', EXIT.NETWORK, e.message ?? 'the endpoint did not answer like EC2',
      'a captive portal or proxy sign-in page, or a wrong endpoint URL: sign in to the network, or check --endpoint-url and AWS_ENDPOINT_URL*');
  }
  if (e.name === TRUNCATED_ERROR) {
    return make('E_TRUNCATED_ANSWER', EXIT.NETWORK, `${e.message ?? 'the answer was cut short'} ${triesText(e, ctx)}`,
      quotaRanOut(e, ctx) ? QUOTA_HINT : 'the network or a proxy cut the answer short: retry later, or raise --max-attempts');
  }
  return undefined;
}

function networkError(e: LooseError, ctx: ErrorContext, make: Make): AmiFindError | undefined {
  const inner = (e.cause && typeof e.cause === 'object' ? (e.cause as LooseError) : undefined) ?? wrapped(e);
  const code = e.code ?? inner.code;
  const timedOut = e.name !== undefined && TIMEOUT_NAMES.has(e.name);
  if (!timedOut && (code === undefined || !NETWORK_CODES.has(code))) return undefined;
  const retried = timedOut || (code !== undefined && RETRIED_NETWORK_CODES.has(code));
  const attempts = e.$metadata?.attempts;
  const quota = retried && quotaRanOut(e, ctx);
  const tries = !attempts ? '' : quota ? ` (${attempts} of ${ctx.maxAttempts} attempts: the SDK's retry quota ran out)`
    : ` (${attempts} attempt${attempts === 1 ? '' : 's'})`;
  const hint = (usual?: string) => (quota ? QUOTA_HINT : usual);
  const host = e.hostname ?? inner.hostname;
  if (inner.address !== undefined && e.address === undefined) Object.assign(e, { address: inner.address, port: inner.port });
  if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && host && /\.amazonaws\.com(\.cn)?$/.test(host)) {
    const region = ctx.region ?? host.split('.')[1];
    return make('E_UNKNOWN_REGION', EXIT.NETWORK, `cannot resolve ${host}: unknown region "${region}" or endpoint unreachable${tries}`,
      hint('check --region (e.g. us-east-1), or the network and DNS'));
  }
  const where = host ?? ctx.endpoint ?? 'the EC2 endpoint'; // make() hides a URL password
  if (code === 'ECONNREFUSED') return make('E_NETWORK', EXIT.NETWORK, `connection refused by ${e.address ?? where}${e.port ? `:${e.port}` : ''}${tries}`, hint());
  if (timedOut && /establish a connection/.test(e.message ?? '')) {
    // @smithy/node-http-handler set-connection-timeout.ts: the connection did not open in time.
    return make('E_CONNECT_TIMEOUT', EXIT.NETWORK, `could not connect to ${where} within ${duration(ctx.connectTimeoutMs, 'the connect timeout')}${tries}`,
      hint('check the network, or raise --connect-timeout (AMI_FIND_CONNECT_TIMEOUT)'));
  }
  if (timedOut && /inactivity/.test(e.message ?? '')) {
    // @smithy/node-http-handler set-socket-timeout.ts: the answer (its headers or the rest of its body) stopped coming.
    return make('E_READ_TIMEOUT', EXIT.NETWORK, `no answer from ${where} for ${duration(ctx.readTimeoutMs, 'the read timeout')} (read timeout)${tries}`,
      hint('check the network, or raise --read-timeout (AMI_FIND_READ_TIMEOUT)'));
  }
  return make('E_NETWORK', EXIT.NETWORK, `network failure talking to ${where}${tries}: ${timedOut ? e.name : code}: ${firstLine(e.message)}`, hint());
}

/** "300 ms", "60 s", or `otherwise` when unknown. */
function duration(ms: number | undefined, otherwise: string): string {
  if (ms === undefined) return otherwise;
  return ms < 1000 || ms % 1000 !== 0 ? `${ms} ms` : `${ms / 1000} s`;
}

/** The first line of a message: the SDK appends its own advice ("Deserialization error: ...") on the next. */
function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0]!.trim();
}

/**
 * The code, host and address of an error from another realm (Node's net errors under Jest's vm),
 * which the SDK's asSdkError wraps as `new Error("AWS SDK error wrapper for " + err)`.
 */
function wrapped(e: LooseError): LooseError {
  const m = /^AWS SDK error wrapper for .*?\b(E[A-Z_]{3,})\b\s*(\S*)/.exec(e.message ?? '');
  if (!m) return {};
  const [, code, where = ''] = m;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code, hostname: where || undefined };
  const hostPort = /^(.*):(\d+)$/.exec(where);
  return hostPort ? { code, address: hostPort[1], port: Number(hostPort[2]) } : { code };
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
