/**
 * Differential harness: the real EC2Client sends DescribeImages to a canned response, once with
 * the SDK's own deserializer and once with the fast parser installed, and the outcomes are compared.
 */
import { Readable } from 'node:stream';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from '@jest/globals';
import { useFastDescribeImagesParser } from '../../../../src/aws/fast/middleware.js';

export interface Canned {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export type Settled = { ok: true; value: Record<string, unknown> } | { ok: false; error: Record<string, unknown> };

/** Split the body into uneven chunks, as a socket would (multi-byte characters may straddle them). */
function chunked(body: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0, size = 7; i < body.length; i += size, size = (size * 31) % 65521 + 1) chunks.push(body.subarray(i, i + size));
  return Readable.from(chunks);
}

/** A client whose HTTP handler answers every attempt with `respond(attempt)`. */
export function cannedClient(respond: (attempt: number) => Canned, fast: boolean, fallbacks: string[] = []): EC2Client {
  let attempt = 0;
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => {
        const c = respond(++attempt);
        const headers = c.headers ?? { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'req-canned-1' };
        return { response: { statusCode: c.status ?? 200, headers, body: chunked(Buffer.from(c.body)) } };
      },
    },
  });
  if (fast) useFastDescribeImagesParser(client, { onFallback: (reason) => fallbacks.push(reason) });
  return client;
}

async function settle(p: Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: (await p) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: error as Record<string, unknown> };
  }
}

/** DescribeImages through the SDK's deserializer and through the fast parser, on the same canned response. */
export async function describeBothWays(canned: Canned): Promise<{ sdk: Settled; fast: Settled; fallbacks: string[] }> {
  const fallbacks: string[] = [];
  const sdk = await settle(cannedClient(() => canned, false).send(new DescribeImagesCommand({})));
  const fast = await settle(cannedClient(() => canned, true, fallbacks).send(new DescribeImagesCommand({})));
  return { sdk, fast, fallbacks };
}

/** Every key of every object, in order, with a type tag: catches key-order and Date/number/string differences. */
function shape(v: unknown): unknown {
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'NaN' : v.toISOString()})`;
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return `${typeof v}:${String(v)}`;
}

/** The error fields callers and the retry strategy read. */
function errorView(e: Record<string, unknown>): unknown {
  return {
    ctor: (e.constructor as { name?: string } | undefined)?.name,
    name: e.name, message: e.message, Code: e.Code, Error: e.Error, $fault: e.$fault,
    $metadata: e.$metadata, $retryable: e.$retryable, code: e.code,
    body: responseBody(e),
  };
}

/** The raw body the SDK leaves on a deserialization error (text), or just its kind (a consumed stream). */
function responseBody(e: Record<string, unknown>): unknown {
  const body = (e.$response as { body?: unknown } | undefined)?.body;
  return typeof body === 'string' ? body : typeof body;
}

/** Assert the fast path gave exactly what the SDK gave: same values, types, key order and $metadata, or the same error. */
export function expectSameOutcome(fast: Settled, sdk: Settled): void {
  expect(fast.ok).toBe(sdk.ok);
  if (fast.ok && sdk.ok) {
    expect(fast.value).toStrictEqual(sdk.value);
    expect(shape(fast.value)).toEqual(shape(sdk.value));
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(sdk.value));
  } else if (!fast.ok && !sdk.ok) {
    expect(errorView(fast.error)).toStrictEqual(errorView(sdk.error));
  }
}

/** Wrap image `<item>` XML in a DescribeImagesResponse like EC2's. */
export function page(items: string, tail = ''): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
    + `<requestId>r-1</requestId><imagesSet>${items}</imagesSet>${tail}</DescribeImagesResponse>`;
}
