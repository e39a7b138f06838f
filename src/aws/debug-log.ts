/**
 * `--debug` logging for the EC2 client: one line per HTTP attempt and one per call, with
 * timings, and with credentials, signatures and session tokens redacted.
 */
import type { EC2Client, ServiceInputTypes as In, ServiceOutputTypes as Out } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { FinalizeRequestMiddleware, InitializeMiddleware } from '@smithy/types';
import { redactUrls } from '../redact-url.js';

/** The parts of a smithy HttpRequest the log reads. */
interface LoggedRequest {
  method?: string;
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  query?: Record<string, string | string[] | null>;
  headers?: Record<string, string>;
  body?: unknown;
}

const REDACTED = '<redacted>';
const SECRET_NAME = /token|secret|signature|password|session|credential/i;

/** Headers with every credential-bearing value replaced; Authorization keeps its algorithm, scope and signed headers. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') out[name] = redactAuthorization(value);
    else out[name] = SECRET_NAME.test(name) ? REDACTED : value;
  }
  return out;
}

/** `AWS4-HMAC-SHA256 Credential=AKIA.../scope, SignedHeaders=..., Signature=hex` with key id and signature hidden. */
export function redactAuthorization(value: string): string {
  if (!/^AWS4-HMAC-SHA256 /.test(value)) return REDACTED;
  return value
    .replace(/Credential=[^/,\s]+/, `Credential=${REDACTED}`)
    .replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`);
}

/** A request as one log line: method, URL with secret query values hidden, headers, form body. */
export function describeRequest(req: LoggedRequest): string {
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${k}=${SECRET_NAME.test(k) ? REDACTED : String(v)}`)
    .join('&');
  const port = req.port ? `:${req.port}` : '';
  const url = `${req.protocol ?? 'https:'}//${req.hostname ?? ''}${port}${req.path ?? '/'}${query ? `?${query}` : ''}`;
  const headers = Object.entries(redactHeaders(req.headers ?? {}))
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  const body = typeof req.body === 'string' ? redactBody(req.body) : '';
  return `${req.method ?? 'POST'} ${url} [${headers}]${body ? ` body: ${body}` : ''}`;
}

/** Form-encoded bodies: hide any parameter whose name looks secret (DescribeImages has none; defence in depth). */
function redactBody(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const name = decodeURIComponent(pair.split('=')[0] ?? '');
      return SECRET_NAME.test(name) && name !== 'NextToken' ? `${pair.split('=')[0]}=${REDACTED}` : pair;
    })
    .join('&');
}

/** Add the debug middlewares to a client: per-attempt HTTP lines and a per-call summary. */
export function installDebugLogging(client: EC2Client, logLine: (line: string) => void): void {
  // A URL password (an endpoint's, echoed in an error) never reaches the log (src/redact-url.ts).
  const log = (line: string) => logLine(redactUrls(line));
  const perCall: InitializeMiddleware<In, Out> = (next, context) => async (args) => {
    const started = performance.now();
    const name = context.commandName ?? 'request';
    try {
      const result = await next(args);
      const meta = (result.output as { $metadata?: { attempts?: number; requestId?: string } }).$metadata;
      log(`${name} done in ${elapsed(started)} (${meta?.attempts ?? 1} attempt(s), request id ${meta?.requestId ?? '-'})`);
      return result;
    } catch (e) {
      const err = e as { name?: string; message?: string; $metadata?: { attempts?: number } };
      log(`${name} failed in ${elapsed(started)} after ${err.$metadata?.attempts ?? 1} attempt(s): ${err.name}: ${err.message}`);
      throw e;
    }
  };
  const perAttempt: FinalizeRequestMiddleware<In, Out> = (next) => async (args) => {
    const req = args.request as LoggedRequest;
    const attempt = req.headers?.['amz-sdk-request'] ?? '';
    log(`-> ${attempt ? `(${attempt}) ` : ''}${describeRequest(req)}`);
    const started = performance.now();
    try {
      const result = await next(args);
      const res = result.response as { statusCode?: number; headers?: Record<string, string> };
      log(`<- HTTP ${res.statusCode} in ${elapsed(started)} (request id ${res.headers?.['x-amzn-requestid'] ?? '-'})`);
      return result;
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      const status = err.$metadata?.httpStatusCode;
      log(`<- ${status ? `HTTP ${status} ` : ''}${err.code ?? err.name}: ${err.message} in ${elapsed(started)}`);
      throw e;
    }
  };
  client.middlewareStack.add(perCall, { step: 'initialize', name: 'amiFindDebugCall', override: true });
  client.middlewareStack.addRelativeTo(perAttempt, {
    // After signing, inside the retry loop: one line per attempt, with the signed headers.
    relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'amiFindDebugHttp', override: true,
  });
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
