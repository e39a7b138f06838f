/**
 * SSM's JSON protocol (awsJson1_1, `X-Amz-Target: AmazonSSM.<Operation>`) for the public parameters
 * of ./ssm-parameters.ts: GetParameter, GetParameters and GetParametersByPath. Shapes, limits and error
 * codes: botocore's ssm 2014-11-06 service model (README "SSM" names each fact and policy).
 */
import type { Caller } from './auth.js';
import type { TokenCodec } from './paging.js';
import type { ParameterStore, PublicParameter } from './ssm-parameters.js';
import { parameterArn } from './ssm-parameters.js';

export const SSM_TARGET_PREFIX = 'AmazonSSM.';
export const SSM_OPERATIONS = ['GetParameter', 'GetParameters', 'GetParametersByPath'] as const;

/** An SSM error: `__type` code, message and HTTP status, written as a JSON body. */
export class SsmError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
    this.name = code;
  }
}

/** What a handler needs. */
export interface SsmContext {
  store: ParameterStore;
  caller: Caller;
  tokens: TokenCodec;
  /** Access keys refused every operation (AccessDeniedException). */
  deniedKeys: readonly string[];
}

type Body = Record<string, unknown>;

/** The AWS JSON validation message ("1 validation error detected: ..."), as the protocol's ValidationException carries it. */
function validation(what: string): SsmError {
  return new SsmError('ValidationException', `1 validation error detected: ${what}`);
}

function nameOf(body: Body, key: string): string {
  const v = body[key];
  if (v === undefined || v === null) throw validation(`Value null at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must not be null`);
  if (typeof v !== 'string') throw new SsmError('SerializationException', `Start of structure or map found where not expected for ${key}`);
  if (v.length < 1 || v.length > 2048) throw validation(`Value '${v}' at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must have length between 1 and 2048`);
  return v;
}

function denyCheck(ctx: SsmContext, operation: string, resource: string): void {
  if (!ctx.deniedKeys.includes(ctx.caller.accessKey)) return;
  // The shape of IAM's denial text on JSON services; the user name is the endpoint's invention.
  throw new SsmError('AccessDeniedException', `User: arn:aws:iam::${ctx.caller.accountId}:user/ami-find-test is not authorized to perform: `
    + `ssm:${operation} on resource: ${parameterArn(ctx.caller.region, resource)} because no identity-based policy allows the ssm:${operation} action`);
}

function find(ctx: SsmContext, name: string): PublicParameter | undefined {
  // A name may be given as the parameter's ARN (GetParameterRequest.Name: "The name or Amazon Resource Name").
  const plain = name.startsWith('arn:') ? name.replace(/^arn:[^:]+:ssm:[^:]*:[^:]*:parameter/, '') : name;
  return ctx.store.get(ctx.caller.region)?.find((p) => p.Name === plain);
}

function getParameter(body: Body, ctx: SsmContext): unknown {
  const name = nameOf(body, 'Name');
  denyCheck(ctx, 'GetParameter', name);
  const p = find(ctx, name);
  // Real SSM sends ParameterNotFound without a message (the AWS CLI prints the code and an empty text).
  if (p === undefined) throw new SsmError('ParameterNotFound', '');
  return { Parameter: p };
}

function getParameters(body: Body, ctx: SsmContext): unknown {
  const names = body.Names;
  if (!Array.isArray(names)) throw validation("Value null at 'names' failed to satisfy constraint: Member must not be null");
  if (names.length < 1 || names.length > 10) {
    throw validation(`Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`);
  }
  const found: PublicParameter[] = [];
  const invalid: string[] = [];
  for (const n of names) {
    if (typeof n !== 'string') throw new SsmError('SerializationException', 'Unexpected value type in Names');
    denyCheck(ctx, 'GetParameters', n);
    const p = find(ctx, n);
    if (p === undefined) invalid.push(n);
    else if (!found.includes(p)) found.push(p);
  }
  // "The results for GetParameters requests are listed in alphabetical order" (GetParametersRequest.Names).
  found.sort((a, b) => (a.Name < b.Name ? -1 : 1));
  return { Parameters: found, InvalidParameters: invalid };
}

function getParametersByPath(body: Body, ctx: SsmContext): unknown {
  const path = nameOf(body, 'Path');
  const recursive = body.Recursive === true;
  const max = body.MaxResults ?? 10;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 10) {
    throw validation(`Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value ${typeof max === 'number' && max < 1 ? 'greater than or equal to 1' : 'less than or equal to 10'}`);
  }
  if (!path.startsWith('/')) throw validation(`Value '${path}' at 'path' failed to satisfy constraint: Member must start with /`);
  denyCheck(ctx, 'GetParametersByPath', path);
  // Policy: a trailing slash names the same hierarchy.
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const all = (ctx.store.get(ctx.caller.region) ?? []).filter((p) => p.Name.startsWith(prefix)
    && (recursive || !p.Name.slice(prefix.length).includes('/')));
  const binding = `ssm|${path}|${recursive}|${ctx.caller.accountId}|${ctx.caller.region}`;
  let start = 0;
  if (body.NextToken !== undefined) {
    const state = typeof body.NextToken === 'string' ? ctx.tokens.verify(body.NextToken, binding) : undefined;
    if (state === undefined) throw new SsmError('InvalidNextToken', 'The specified token isn\'t valid.');
    start = state.position;
  }
  const page = all.slice(start, start + max);
  const next = start + max < all.length ? ctx.tokens.issue({ position: start + max, emptyServed: 0, page: 0 }, binding) : undefined;
  return next === undefined ? { Parameters: page } : { Parameters: page, NextToken: next };
}

/** Answer one SSM operation; throws SsmError. */
export function handleSsm(operation: string, rawBody: string, ctx: SsmContext): unknown {
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
  } catch {
    throw new SsmError('SerializationException', 'The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SsmError('SerializationException', 'The request body is not a JSON object.');
  switch (operation) {
    case 'GetParameter': return getParameter(body as Body, ctx);
    case 'GetParameters': return getParameters(body as Body, ctx);
    case 'GetParametersByPath': return getParametersByPath(body as Body, ctx);
    default: throw new SsmError('UnknownOperationException', '');
  }
}

/** Headers of an SSM JSON answer. */
export function ssmHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId, Date: new Date().toUTCString() };
}

/** The JSON error body: `__type` and `message` (awsJson1_1). */
export function ssmErrorBody(e: SsmError): string {
  return JSON.stringify({ __type: e.code, message: e.message });
}
