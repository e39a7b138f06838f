/**
 * Checks that a 2xx DescribeImages answer is one whole EC2 XML document before either parser reads
 * it. Why: the SDK's parser takes an HTML page answered with 200 (a captive portal) for an empty
 * last page, and never retries a body cut short; here the first fails at once and the second is
 * retried (`$retryable`). src/aws/errors.ts maps both to exit 8.
 */
import { Readable } from 'node:stream';
import { NOT_EC2_ERROR, TRUNCATED_ERROR } from '../errors.js';

const ROOT = 'DescribeImagesResponse';
const OPEN = `<${ROOT}`;
const CLOSE = `</${ROOT}>`;
/** Bytes read at each end: room for a BOM, the XML declaration, whitespace and the root's name. */
const WINDOW = 512;

/** What is wrong with a 2xx DescribeImages body: not EC2's XML at all, or cut short; undefined when whole. */
export type BodyProblem = 'not-ec2' | 'truncated';

/** The parts of the SDK's HttpResponse read here. */
export interface RawResponse {
  statusCode?: unknown;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

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

/** Throw the body's problem, if it has one, as bodyProblemError. */
export function checkDescribeImagesBody(bytes: Uint8Array, response: RawResponse, request: unknown): void {
  const problem = describeImagesBodyProblem(bytes);
  if (problem !== undefined) throw bodyProblemError(problem, hostOf(request), contentTypeOf(response), bytes.byteLength);
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
