/**
 * SDK, EC2 and network failures as AmiFindErrors: a stable code, the documented exit code and
 * one clear line that always keeps EC2's own error code. Pure: no SDK import (errors are read
 * structurally), so the CLI can map errors without loading the SDK.
 * Sources: ../shared/ec2-contract.md section 3 (codes, statuses, how the JS SDK surfaces them).
 */
import { AmiFindError, EXIT, type ExitCode } from '../errors.js';
import { redactUrl, redactUrls } from '../redact-url.js';

/** What the caller knows that makes a message clearer. */
export interface ErrorContext {
  region?: string;
  endpoint?: string;
}

/** The shapes SDK, service and Node network errors come in. */
interface LooseError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  hostname?: string;
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
/** The SDK's THROTTLING class (contract 3.4, @smithy/core service-error-classification). */
const THROTTLING_CODES = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EPROTO', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** Map anything thrown while talking to EC2 to an AmiFindError (AmiFindErrors pass through unchanged). */
export function toAmiFindError(err: unknown, ctx: ErrorContext = {}): AmiFindError {
  if (err instanceof AmiFindError) return err;
  const e: LooseError = typeof err === 'object' && err !== null ? (err as LooseError) : { message: String(err) };
  const make = (code: string, exit: ExitCode, message: string, hint?: string) =>
    new AmiFindError(code, exit, oneLine(redactUrls(message)), hint, { cause: err });
  const message = e.message ?? String(err);
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return make('E_INTERRUPTED', EXIT.INTERRUPTED, 'interrupted');
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError') {
    return make('E_NO_CREDENTIALS', EXIT.CREDENTIALS, `no AWS credentials: ${message}`,
      'set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, choose a profile with --profile, or run `aws sso login`');
  }
  if (/^Region is missing/.test(message)) return noRegionError();
  const network = networkError(e, ctx, make);
  if (network) return network;
  const service = e.Code ?? (e.$metadata?.httpStatusCode !== undefined || e.$fault ? e.name : undefined);
  if (service !== undefined) return serviceError(service, e, make);
  return make('E_INTERNAL', EXIT.INTERNAL, `unexpected error: ${e.name ? `${e.name}: ` : ''}${message}`);
}

/** No region from --region, the environment or the profile: a usage error (exit 2). */
export function noRegionError(): AmiFindError {
  return new AmiFindError('E_NO_REGION', EXIT.USAGE, 'no AWS region configured',
    'pass --region, set AWS_REGION (or AWS_DEFAULT_REGION), or set region in the profile');
}

type Make = (code: string, exit: ExitCode, message: string, hint?: string) => AmiFindError;

function serviceError(code: string, e: LooseError, make: Make): AmiFindError {
  const status = e.$metadata?.httpStatusCode;
  const text = `${code}${status !== undefined ? ` (HTTP ${status})` : ''}: ${e.message ?? ''}`.trim();
  const attempts = e.$metadata?.attempts ?? 1;
  const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (code === 'DryRunOperation') return make('E_DRY_RUN_OK', EXIT.OK, `dry run: the request would have succeeded (${code})`);
  if (CREDENTIAL_CODES.has(code)) {
    return make('E_CREDENTIALS', EXIT.CREDENTIALS, `EC2 rejected the credentials: ${text}`,
      'check the access key and secret, or refresh an expired session (aws sso login)');
  }
  if (code === 'UnauthorizedOperation' || code === 'AccessDenied' || code === 'AccessDeniedException') {
    return make('E_UNAUTHORIZED', EXIT.UNAUTHORIZED, `not authorized: ${text}`, 'the identity needs ec2:DescribeImages');
  }
  if (THROTTLING_CODES.has(code) || status === 429) {
    return make('E_THROTTLED', EXIT.THROTTLED, `EC2 throttled the request ${tries}: ${text}`,
      'wait and retry, or raise --max-attempts');
  }
  if (status !== undefined && status >= 500) {
    return make('E_SERVICE_UNAVAILABLE', EXIT.THROTTLED, `EC2 service error ${tries}: ${text}`, 'retry later');
  }
  const rejected = REJECTED_CODES[code];
  if (rejected) return make(rejected, EXIT.REQUEST_REJECTED, `EC2 rejected the request: ${text}`);
  // 'Unknown' is what the SDK names a non-EC2 error body, e.g. a wrong --endpoint-url answering 404.
  const hint = code === 'Unknown' ? 'the endpoint did not answer like EC2: check the endpoint URL' : undefined;
  return make('E_REJECTED', EXIT.REQUEST_REJECTED, `EC2 rejected the request: ${text}`, hint);
}

function networkError(e: LooseError, ctx: ErrorContext, make: Make): AmiFindError | undefined {
  const inner = (e.cause && typeof e.cause === 'object' ? (e.cause as LooseError) : undefined) ?? wrapped(e);
  const code = e.code ?? inner.code;
  const timedOut = e.name !== undefined && TIMEOUT_NAMES.has(e.name);
  if (!timedOut && (code === undefined || !NETWORK_CODES.has(code))) return undefined;
  const attempts = e.$metadata?.attempts;
  const tries = attempts ? ` (${attempts} attempt${attempts === 1 ? '' : 's'})` : '';
  const host = e.hostname ?? inner.hostname;
  if (inner.address !== undefined && e.address === undefined) Object.assign(e, { address: inner.address, port: inner.port });
  if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && host && /\.amazonaws\.com(\.cn)?$/.test(host)) {
    const region = ctx.region ?? host.split('.')[1];
    return make('E_UNKNOWN_REGION', EXIT.NETWORK, `cannot resolve ${host}: unknown region "${region}"?${tries}`,
      'check --region (e.g. us-east-1), or the network and DNS');
  }
  const where = host ?? (ctx.endpoint !== undefined ? redactUrl(ctx.endpoint) : 'the EC2 endpoint');
  if (code === 'ECONNREFUSED') return make('E_NETWORK', EXIT.NETWORK, `connection refused by ${e.address ?? where}${e.port ? `:${e.port}` : ''}${tries}`);
  return make('E_NETWORK', EXIT.NETWORK, `network failure talking to ${where}${tries}: ${timedOut ? e.name : code}: ${e.message ?? ''}`);
}

/**
 * The retry middleware's asSdkError replaces an error that is not `instanceof Error` (one from
 * another realm, e.g. Node's net errors under a vm context such as Jest) by
 * `new Error("AWS SDK error wrapper for " + err)`, dropping its code. Recover the code, host
 * and address from that text. Source: @smithy/core submodules/retry/middleware-retry/util.js.
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
