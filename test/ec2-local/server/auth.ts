/**
 * Caller identity from the SigV4 `Authorization` header: the access key and the region of the
 * credential scope, which is the only place the client's region survives an endpoint override
 * (contract §1.4). Signatures are not verified: the server does not know the secret keys.
 */
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

const CREDENTIAL = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,/;

/** The credential scope of an Authorization header, or undefined when it is not SigV4. */
export function parseCredentialScope(authorization: string | undefined): CredentialScope | undefined {
  if (authorization === undefined) return undefined;
  const m = CREDENTIAL.exec(authorization);
  if (m === null) return undefined;
  return { accessKey: m[1], date: m[2], region: m[3], service: m[4] };
}

/** Identify the caller, or throw the EC2 auth error the policy asks for. */
export function authenticate(
  authorization: string | undefined,
  accessKeys: Record<string, string>,
  defaultAccountId: string,
  knownRegions: ReadonlySet<string>,
  policy: ServerPolicy,
): Caller {
  if (authorization === undefined || authorization.trim() === '') {
    if (!policy.requireAuth) return { accessKey: '', accountId: defaultAccountId, region: 'us-east-1' };
    throw new Ec2Error('MissingAuthenticationToken',
      'The request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
      policy.authFailureStatus);
  }
  const scope = parseCredentialScope(authorization);
  if (scope === undefined) {
    throw new Ec2Error('IncompleteSignature', 'Authorization header requires a Credential parameter of the form AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/ec2/aws4_request.', 400);
  }
  if (scope.service !== 'ec2') {
    throw new Ec2Error('AuthFailure', "Credential should be scoped to correct service: 'ec2'.", policy.authFailureStatus);
  }
  if (!knownRegions.has(scope.region)) {
    throw new Ec2Error('AuthFailure', `Credential should be scoped to a valid region, not '${scope.region}'.`, policy.authFailureStatus);
  }
  if (policy.expiredAccessKeys.includes(scope.accessKey)) {
    throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', policy.authFailureStatus);
  }
  return { accessKey: scope.accessKey, accountId: accessKeys[scope.accessKey] ?? defaultAccountId, region: scope.region };
}

/** Throw 403 UnauthorizedOperation when the policy denies this access key (contract §3.3, text UNVERIFIED). */
export function authorize(caller: Caller, policy: ServerPolicy): void {
  if (policy.unauthorizedAccessKeys.includes(caller.accessKey)) {
    const e = policy.unauthorizedError;
    throw new Ec2Error(e.code, e.message, e.status);
  }
}
