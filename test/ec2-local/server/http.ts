/**
 * The HTTP layer: reads and checks the request, records it, injects faults, routes the action
 * and writes EC2-shaped responses with EC2's headers (contract §1.1, §2.1, §3.1, §6).
 * Every failure, including a bug in a handler, becomes an EC2 error body: the server never crashes.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, parseCredentialScope, type KnownKeys } from './auth.js';
import type { CatalogueImage } from '../types.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { describeImages } from './describe-images.js';
import { describeRegions, renderDescribeRegionsXml } from './describe-regions.js';
import { Ec2Error, missingParameter } from './errors.js';
import type { FaultInjector } from './faults.js';
import { parseForm, type FormLimits, type Params } from './form.js';
import type { LatencyOptions, RecordedRequest, ServerPolicy } from './options.js';
import type { OrderOptions } from './order.js';
import type { TokenCodec } from './paging.js';
import type { RequestContext } from './request-context.js';
import { writeImagesPage } from './write-images.js';
import { handleSsm, SSM_TARGET_PREFIX, SsmError, ssmErrorBody, ssmHeaders } from './ssm.js';
import type { ParameterStore } from './ssm-parameters.js';
import { renderErrorXml } from './xml.js';

/** Mutable state of one server instance. */
export interface ServerState {
  index: CatalogueIndex;
  policy: ServerPolicy;
  tokens: TokenCodec;
  faults: FaultInjector;
  latency: LatencyOptions;
  order: OrderOptions;
  organizationAccounts: ReadonlySet<string>;
  /** The image as a non-owner sees it (policy.hiddenFromNonOwners). */
  nonOwnerView: (img: CatalogueImage) => CatalogueImage;
  /** Access keys, their secrets and accounts (signatures are verified against these). */
  keys: KnownKeys;
  requests: RecordedRequest[];
  recordLimit: number;
  log: (line: string) => void;
  /** Public SSM parameters per region (./ssm-parameters.ts). */
  ssm: ParameterStore;
}

const API_VERSION = '2016-11-15';
const ACTIONS = ['DescribeImages', 'DescribeRegions'];
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;.*)?$/i;

/** Headers real EC2 sends (contract §2.1, observed on an error response in aws/aws-sdk#97). */
export function ec2Headers(requestId: string): Record<string, string> {
  return {
    'Content-Type': 'text/xml;charset=UTF-8',
    'x-amzn-RequestId': requestId,
    Server: 'AmazonEC2',
    'Cache-Control': 'no-cache, no-store',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    Vary: 'accept-encoding',
    Date: new Date().toUTCString(),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

/** Read the body up to `max` bytes; past that, drain (bounded) and report it as too large. */
function readBody(req: IncomingMessage, max: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
      if (size > max * 16 + 64 * 1024 * 1024) req.destroy();
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, err: Ec2Error, requestId: string): void {
  const body = renderErrorXml(err.code, err.message, requestId);
  res.writeHead(err.status, { ...ec2Headers(requestId), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function attemptOf(req: IncomingMessage): number {
  const m = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''));
  return m === null ? 1 : Number(m[1]);
}

/** Check method, size and content type, then decode the form (the raw body is kept: the signature covers it). */
async function readParams(req: IncomingMessage, state: ServerState, limits: FormLimits): Promise<{ params: Params; body: Buffer }> {
  if (req.method !== 'POST') {
    await readBody(req, state.policy.maxBodyBytes);
    throw new Ec2Error('UnsupportedOperation', `The HTTP method ${req.method ?? ''} is not supported; EC2 Query requests use POST.`, 400);
  }
  const { body, tooLarge } = await readBody(req, state.policy.maxBodyBytes);
  if (tooLarge) throw new Ec2Error('RequestEntityTooLarge', `The request body exceeds the maximum size of ${state.policy.maxBodyBytes} bytes.`, 413);
  const type = req.headers['content-type'];
  if (type !== undefined && !FORM_TYPE.test(type)) {
    throw new Ec2Error('MalformedQueryString', `Unsupported Content-Type '${type}': expecting application/x-www-form-urlencoded.`, 400);
  }
  const text = body.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(body)) {
    throw new Ec2Error('MalformedQueryString', 'The request body is not valid UTF-8.', 400);
  }
  return { params: parseForm(text, limits), body };
}

function checkActionAndVersion(params: Params): string {
  const action = params.get('Action');
  if (action === undefined || action === '') {
    throw new Ec2Error('MissingAction', 'The request must contain the parameter Action', 400);
  }
  if (!ACTIONS.includes(action)) throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`, 400);
  const version = params.get('Version');
  if (version === undefined || version === '') throw missingParameter('Version');
  if (version !== API_VERSION) {
    throw new Ec2Error('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`, 400);
  }
  return action;
}

/** The caller account's opt-in status of `region`: the policy's override, else the catalogue's. */
export function optInStatus(state: Pick<ServerState, 'policy' | 'index'>, region: string): string | undefined {
  return state.policy.optInStatus?.[region] ?? state.index.catalogue.regions.find((r) => r.RegionName === region)?.OptInStatus;
}

/** Apply the fault policy to one request: throws an injected error, or resets the connection (returns true). */
function injectFault(state: ServerState, req: IncomingMessage, record: RecordedRequest, action: string, region: string | undefined): boolean {
  const fault = state.faults.decide(action, record.attempt, region);
  if (fault.kind === 'error') throw fault.error;
  if (fault.kind !== 'reset') return false;
  record.status = 0;
  record.code = 'ConnectionReset';
  req.socket.destroy();
  return true;
}

/** Real EC2 in a region the account has not enabled (README "Regions"): the same answer as unknown credentials. */
function refuseNotOptedIn(state: ServerState, region: string): void {
  if (state.policy.notOptedIn === 'auth-failure' && optInStatus(state, region) === 'not-opted-in') {
    throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', state.policy.authFailureStatus);
  }
}

/** Handle one HTTP request end to end. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<void> {
  const requestId = randomUUID();
  const scope = parseCredentialScope(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined);
  const record: RecordedRequest = {
    action: '', params: {}, attempt: attemptOf(req), requestId, status: 200,
    invocationId: typeof req.headers['amz-sdk-invocation-id'] === 'string' ? req.headers['amz-sdk-invocation-id'] : undefined,
    region: scope?.region, accessKey: scope?.accessKey, method: req.method ?? '', path: req.url ?? '', receivedAt: Date.now(),
  };
  state.requests.push(record);
  // Trim in batches so a long-running server neither grows without bound nor splices per request.
  if (state.requests.length > state.recordLimit * 1.1) state.requests.splice(0, state.requests.length - state.recordLimit);
  const limits: FormLimits = { maxValueLength: state.policy.maxValueLength, maxListEntries: state.policy.maxListEntries };
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && target.startsWith(SSM_TARGET_PREFIX)) {
    await handleSsmRequest(req, res, state, record, target.slice(SSM_TARGET_PREFIX.length));
    return;
  }
  try {
    const { params, body } = await readParams(req, state, limits);
    record.params = Object.fromEntries(params);
    record.action = params.get('Action') ?? '';
    const action = checkActionAndVersion(params);
    if (injectFault(state, req, record, action, scope?.region)) return;
    const caller = authenticate({ method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body },
      state.keys, state.index.regionNames, state.policy);
    refuseNotOptedIn(state, caller.region);
    const ctx: RequestContext = {
      index: state.index, policy: state.policy, caller, tokens: state.tokens, faults: state.faults,
      organizationAccounts: state.organizationAccounts, limits, nonOwnerView: state.nonOwnerView, order: state.order,
    };
    if (action === 'DescribeImages') {
      const page = describeImages(params, ctx);
      const latency = state.latency.regions?.[caller.region] ?? state.latency;
      const delay = (latency.fixedMs ?? 0) + (latency.perItemMs ?? 0) * page.images.length;
      if (delay > 0) await sleep(delay);
      await writeImagesPage(res, page.images, page.nextToken, requestId, ec2Headers(requestId), state.policy.emptyImagesSet);
      return;
    }
    const regions = describeRegions(params, ctx);
    const xml = renderDescribeRegionsXml(regions, requestId);
    res.writeHead(200, { ...ec2Headers(requestId), 'Content-Length': Buffer.byteLength(xml) });
    res.end(xml);
  } catch (err) {
    const e = err instanceof Ec2Error ? err : new Ec2Error('InternalError', 'An internal error has occurred', 500);
    if (!(err instanceof Ec2Error)) state.log(`ec2-local: internal error: ${(err as Error)?.stack ?? String(err)}`);
    record.status = e.status;
    record.code = e.code;
    if (!res.headersSent && !res.destroyed) sendError(res, e, requestId);
    else res.destroy();
  }
}

/** EC2's auth errors in the words of AWS's JSON services (README "SSM": a policy for the two renamed codes). */
function toSsmError(e: Ec2Error): SsmError {
  if (e.code === 'AuthFailure') return new SsmError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400);
  if (e.code === 'SignatureDoesNotMatch') return new SsmError('InvalidSignatureException', e.message, 400);
  if (e.code === 'RequestLimitExceeded') return new SsmError('ThrottlingException', 'Rate exceeded', 400);
  if (e.code === 'InternalError') return new SsmError('InternalServerError', '', 500);
  return new SsmError(e.code, e.message, e.status);
}

/** One SSM JSON request: read, authenticate (scope service `ssm`), inject faults and latency, answer. */
async function handleSsmRequest(req: IncomingMessage, res: ServerResponse, state: ServerState, record: RecordedRequest, operation: string): Promise<void> {
  record.action = operation;
  const send = (status: number, body: string) => {
    if (res.headersSent || res.destroyed) return void res.destroy();
    res.writeHead(status, { ...ssmHeaders(record.requestId), 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  try {
    if (req.method !== 'POST') throw new SsmError('UnknownOperationException', '', 400);
    const { body, tooLarge } = await readBody(req, state.policy.maxBodyBytes);
    if (tooLarge) throw new SsmError('ValidationException', 'Request body too large', 413);
    const text = body.toString('utf8');
    try {
      record.params = Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v)]));
    } catch { /* handleSsm answers SerializationException */ }
    if (injectFault(state, req, record, operation, record.region)) return; // per-region faults apply to SSM too
    const caller = authenticate({ method: req.method, url: req.url ?? '/', headers: req.headers, body },
      state.keys, state.index.regionNames, state.policy, 'ssm');
    refuseNotOptedIn(state, caller.region); // SSM answers it as EC2 does (toSsmError renames the code)
    const answer = handleSsm(operation, text, { store: state.ssm, caller, tokens: state.tokens, deniedKeys: state.policy.ssmDeniedAccessKeys });
    const delay = state.latency.fixedMs ?? 0;
    if (delay > 0) await sleep(delay);
    send(200, JSON.stringify(answer));
  } catch (err) {
    const e = err instanceof SsmError ? err : err instanceof Ec2Error ? toSsmError(err) : new SsmError('InternalServerError', '', 500);
    if (!(err instanceof SsmError) && !(err instanceof Ec2Error)) state.log(`ec2-local: internal error: ${(err as Error)?.stack ?? String(err)}`);
    record.status = e.status;
    record.code = e.code;
    send(e.status, ssmErrorBody(e));
  }
}
