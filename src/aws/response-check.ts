/**
 * Checks that a 2xx DescribeImages answer is one whole EC2 XML document before either parser reads it.
 * Why: the SDK's XML parser takes an HTML page answered with 200 (a captive portal, a wrong URL)
 * for an empty last page, so a listing ended early with exit 0; and it reports a body cut short
 * with an honest Content-Length as a deserialization error, which the SDK never retries (issue 15).
 * Here the first is an error of its own (not retried: another try meets the same page) and the
 * second a transient failure the SDK's retry strategy retries (`$retryable`, @smithy/core
 * service-error-classification isRetryableByTrait). src/aws/errors.ts maps both to exit 8.
 */
import { Readable } from 'node:stream';
import type { EC2Client } from '@aws-sdk/client-ec2';
// Type-only (erased at build): @smithy/types ships with the SDK.
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';

/** The name of the error a 2xx answer that is not EC2's XML fails with (not retried). */
export const NOT_EC2_ERROR = 'AmiFindNotEc2Response';
/** The name of the error a 2xx answer cut short fails with (retried as a transient failure). */
export const TRUNCATED_ERROR = 'AmiFindTruncatedResponse';

const ROOT = 'DescribeImagesResponse';
const OPEN = `<${ROOT}`;
const CLOSE = `</${ROOT}>`;
/** Bytes read at each end: room for a BOM, the XML declaration, whitespace and the root's name. */
const WINDOW = 512;

/** What is wrong with a 2xx DescribeImages body: not EC2's XML at all, or cut short; undefined when whole. */
export type BodyProblem = 'not-ec2' | 'truncated';

/** Judge a 2xx DescribeImages body by its two ends (the parsers judge the rest). */
export function describeImagesBodyProblem(bytes: Uint8Array): BodyProblem | undefined {
  const head = latin1(bytes.subarray(0, WINDOW));
  let rest = head.replace(/^(\xEF\xBB\xBF)?\s*/, '');
  if (rest.startsWith('<?')) {
    const end = rest.indexOf('?>');
    // A declaration that never ends: cut short when that is all there is.
    if (end < 0) return bytes.byteLength <= WINDOW ? 'truncated' : 'not-ec2';
    rest = rest.slice(end + 2).replace(/^\s*/, '');
  }
  // A body that stops inside the root's start tag (or before it) was cut short, not replaced.
  if (bytes.byteLength <= WINDOW && OPEN.startsWith(rest)) return 'truncated';
  if (!rest.startsWith(OPEN) || !/^[\s>/]/.test(rest.charAt(OPEN.length))) return 'not-ec2';
  const tail = latin1(bytes.subarray(Math.max(0, bytes.byteLength - WINDOW))).replace(/\s+$/, '');
  return tail.endsWith(CLOSE) ? undefined : 'truncated';
}

/** The error for a body with `problem`, from `host`; `contentType` is the answer's Content-Type header. */
export function bodyProblemError(problem: BodyProblem, host: string | undefined, contentType: unknown, length: number): Error {
  const where = host ?? 'the endpoint';
  if (problem === 'truncated') {
    return Object.assign(new Error(`the answer from ${where} was cut short (${length} bytes, no closing </${ROOT}>)`), {
      name: TRUNCATED_ERROR,
      $retryable: {},
    });
  }
  const type = typeof contentType === 'string' ? contentType.replace(/[^\x20-\x7e]/g, '?').slice(0, 60) : 'no Content-Type';
  return Object.assign(new Error(`${where} answered HTTP 200 (${type}) with something that is not EC2's XML`), { name: NOT_EC2_ERROR });
}

/** Whether an HTTP status is a success the SDK parses as a result (it treats >= 300 as an error). */
export function isSuccessStatus(status: unknown): boolean {
  return typeof status === 'number' && status >= 200 && status < 300;
}

/** Throw the body's problem, if it has one, as bodyProblemError. */
export function checkDescribeImagesBody(bytes: Uint8Array, response: RawResponse, request: unknown): void {
  const problem = describeImagesBodyProblem(bytes);
  if (problem !== undefined) throw bodyProblemError(problem, hostOf(request), contentTypeOf(response), bytes.byteLength);
}

/** The parts of the SDK's HttpResponse this module reads. */
export interface RawResponse {
  statusCode?: unknown;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

const CHECK = 'amiFindDescribeImagesResponseCheck';

/**
 * Check every 2xx DescribeImages body on `client` before the SDK's own parser reads it (idempotent).
 * For `--parser sdk`: the fast parser (fast/middleware.ts) makes the same check on the bytes it reads.
 */
export function useDescribeImagesResponseCheck(client: EC2Client): void {
  const { streamCollector } = client.config;
  const check: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse | undefined;
    if (context.commandName !== 'DescribeImagesCommand' || !response || !isSuccessStatus(response.statusCode)) return result;
    let bytes: Uint8Array;
    try {
      bytes = response.body instanceof Uint8Array ? response.body
        : response.body == null ? new Uint8Array(0) : await streamCollector(response.body);
    } catch (err) {
      // A read timeout or a reset: the SDK's deserializer meets the same stream error and decorates
      // it as it always does; its name or code decides the retry (as in fast/middleware.ts).
      response.body = failingStream(err);
      return result;
    }
    checkDescribeImagesBody(bytes, response, args.request);
    response.body = bytes;
    return result;
  };
  client.middlewareStack.addRelativeTo(check, { name: CHECK, relation: 'after', toMiddleware: 'deserializerMiddleware', override: true });
}

function hostOf(request: unknown): string | undefined {
  const r = request as { hostname?: unknown; port?: unknown } | undefined;
  if (typeof r?.hostname !== 'string') return undefined;
  return typeof r.port === 'number' ? `${r.hostname}:${r.port}` : r.hostname;
}

function contentTypeOf(response: RawResponse): unknown {
  const headers = response.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  return key === undefined ? undefined : headers[key];
}

/** A stream that fails with exactly `err` (not a copy: its code decides whether the SDK retries). */
export function failingStream(err: unknown): Readable {
  return new Readable({
    read() {
      this.destroy(err as Error);
    },
  });
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
