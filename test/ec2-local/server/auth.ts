/**
 * Caller identity from a SigV4-signed request, with the signature verified: the endpoint knows the
 * secret of each of its access keys (server option `secretKeys`). The region of the credential scope
 * is the only place the client's region survives an endpoint override (contract §1.4).
 *
 * Checks, in this order (the order itself is a policy, see README "Signatures"):
 * 1. no Authorization header: MissingAuthenticationToken (or the default account if `requireAuth` is off);
 * 2. not `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`: 400 IncompleteSignature;
 * 3. scope service not `ec2` (`ssm` for SSM's JSON operations), scope region unknown, access key unknown or listed as expired: AuthFailure
 *    (401, seen on real EC2 with "AWS was not able to validate the provided access credentials",
 *    FoxxMD/laravel-elasticbeanstalk-cron#15);
 * 4. X-Amz-Date missing or malformed: 400 IncompleteSignature; more than `signatureSkewMs` away from the
 *    server clock: 400 RequestExpired "Request has expired." (real EC2 text and status:
 *    aws/aws-sdk-java#1443, aws/aws-sdk-go-v2#1674);
 * 5. scope date not the date of X-Amz-Date, `host` not signed, or the signature differs from the one
 *    computed: 403 SignatureDoesNotMatch (status and text from the IAM user guide, "Troubleshoot signed
 *    requests for AWS APIs").
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Ec2Error } from './errors.js';
import type { ServerPolicy } from './options.js';

/** Who is calling, and for which region. */
export interface Caller {
  accessKey: string;
  accountId: string;
  region: string;
}

/** Parsed credential scope `<AKID>/<date>/<region>/<service>/aws4_request`. */
export interface CredentialScope {
  accessKey: string;
  date: string;
  region: string;
  service: string;
}

/** What the signature covers: the request as it arrived. */
export interface SignedRequest {
  method: string;
  /** The request target as sent (path and query, still percent-encoded). */
  url: string;
  /** Header values by lower-case name (Node's `req.headers`). */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The keys and accounts the endpoint knows. */
export interface KnownKeys {
  /** Access key -> secret access key: every key the endpoint accepts. */
  secrets: ReadonlyMap<string, string>;
  /** Access key -> account; a known key without an entry is the default account. */
  accounts: Record<string, string>;
  defaultAccountId: string;
}

const CREDENTIAL = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,/;
const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([a-z0-9;_.-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The text of the real EC2 AuthFailure for credentials it cannot validate. */
export const AUTH_FAILURE_MESSAGE = 'AWS was not able to validate the provided access credentials';
/** The text of SignatureDoesNotMatch (IAM user guide, "Troubleshoot signed requests for AWS APIs"). */
export const SIGNATURE_MISMATCH_MESSAGE = 'The request signature we calculated does not match the signature you provided. '
  + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The credential scope of an Authorization header, or undefined when it is not SigV4. */
export function parseCredentialScope(authorization: string | undefined): CredentialScope | undefined {
  if (authorization === undefined) return undefined;
  const m = CREDENTIAL.exec(authorization);
  if (m === null) return undefined;
  return { accessKey: m[1], date: m[2], region: m[3], service: m[4] };
}

const hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Canonical URI: the path as sent, each segment URI-encoded once more (SigV4 for services other than S3). */
function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  return path.split('/').map((segment) => uriEncode(segment)).join('/');
}

/** Canonical query string: decoded pairs, encoded again, sorted by name then value. */
function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    const name = uriEncode(safeDecode(eq < 0 ? p : p.slice(0, eq)));
    const value = uriEncode(safeDecode(eq < 0 ? '' : p.slice(eq + 1)));
    return [name, value] as const;
  });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

function headerValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : value ?? '';
  return joined.trim().replace(/\s+/g, ' ');
}

/** The SigV4 signature of a request for a scope and secret (AWS general reference, "Create a signed AWS API request"). */
export function sigV4Signature(req: SignedRequest, signedHeaders: string[], amzDate: string,
  scope: CredentialScope, secret: string): string {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = q < 0 ? '' : req.url.slice(q + 1);
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${headerValue(req.headers[h])}\n`).join('');
  const canonicalRequest = [req.method, canonicalUri(path), canonicalQuery(query), canonicalHeaders,
    signedHeaders.join(';'), hex(req.body)].join('\n');
  const scopeText = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scopeText, hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secret}`, scope.date);
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

function authFailure(message: string, policy: ServerPolicy): Ec2Error {
  return new Ec2Error('AuthFailure', message, policy.authFailureStatus);
}

function incomplete(message: string): Ec2Error {
  return new Ec2Error('IncompleteSignature', message, 400);
}

/** Milliseconds of an X-Amz-Date value, or undefined when it is not `YYYYMMDD'T'HHMMSS'Z'`. */
export function parseAmzDate(text: string): number | undefined {
  const m = AMZ_DATE.exec(text);
  if (m === null) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Identify the caller and verify its signature, or throw the EC2 auth error. */
export function authenticate(
  req: SignedRequest,
  keys: KnownKeys,
  knownRegions: ReadonlySet<string>,
  policy: ServerPolicy,
  service = 'ec2',
): Caller {
  const authorization = headerValue(req.headers.authorization);
  if (authorization === '') {
    if (!policy.requireAuth) return { accessKey: '', accountId: keys.defaultAccountId, region: 'us-east-1' };
    throw new Ec2Error('MissingAuthenticationToken',
      'The request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
      policy.authFailureStatus);
  }
  const scope = parseCredentialScope(authorization);
  const parts = AUTHORIZATION.exec(authorization);
  if (scope === undefined || parts === null) {
    throw incomplete('Authorization header requires a Credential parameter of the form AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/ec2/aws4_request, a SignedHeaders parameter and a Signature parameter.');
  }
  if (scope.service !== service) throw authFailure(`Credential should be scoped to correct service: '${service}'.`, policy);
  if (!knownRegions.has(scope.region)) throw authFailure(`Credential should be scoped to a valid region, not '${scope.region}'.`, policy);
  const secret = keys.secrets.get(scope.accessKey);
  if (secret === undefined || policy.expiredAccessKeys.includes(scope.accessKey)) throw authFailure(AUTH_FAILURE_MESSAGE, policy);
  if (!policy.verifySignatures) {
    return { accessKey: scope.accessKey, accountId: keys.accounts[scope.accessKey] ?? keys.defaultAccountId, region: scope.region };
  }

  const amzDate = headerValue(req.headers['x-amz-date']);
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  // The real clock, as EC2 and the Date header use it; policy.now() is the catalogue clock of deprecation.
  if (Math.abs(Date.now() - signedAt) > policy.signatureSkewMs) throw new Ec2Error('RequestExpired', 'Request has expired.', 400);
  const signedHeaders = parts[2].split(';');
  if (scope.date !== amzDate.slice(0, 8)) {
    throw new Ec2Error('SignatureDoesNotMatch', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}'`, 403);
  }
  const sorted = [...signedHeaders].sort();
  if (!signedHeaders.includes('host') || signedHeaders.some((h, i) => h !== sorted[i])) {
    throw new Ec2Error('SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE, 403);
  }
  const expected = Buffer.from(sigV4Signature(req, signedHeaders, amzDate, scope, secret), 'hex');
  const given = Buffer.from(parts[3], 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Ec2Error('SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE, 403);
  }
  return { accessKey: scope.accessKey, accountId: keys.accounts[scope.accessKey] ?? keys.defaultAccountId, region: scope.region };
}

/** Throw 403 UnauthorizedOperation when the policy denies this access key (contract §3.3, text UNVERIFIED). */
export function authorize(caller: Caller, policy: ServerPolicy): void {
  if (policy.unauthorizedAccessKeys.includes(caller.accessKey)) {
    const e = policy.unauthorizedError;
    throw new Ec2Error(e.code, e.message, e.status);
  }
}
