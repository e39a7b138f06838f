/** Shared set-up for the conformance tests: a fixture server and real SDK clients pointed at it. */
import { DescribeImagesCommand, EC2Client, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import { request } from 'node:http';
import { DEFAULT_ACCESS_KEY, SECRET_KEY } from '../../support/accounts.js';
import { startFixtureServer as startFixtureServerWithClock } from '../fixtures/server.js';
import type { Ec2Local, Ec2LocalOptions } from '../server/index.js';

/** Start a server on the fixture catalogue with the fixture clock (overridable). */
export function startFixtureServer(opts: Ec2LocalOptions = {}): Promise<Ec2Local> {
  return startFixtureServerWithClock({ log: (l) => process.stderr.write(`${l}\n`), ...opts });
}

/** A real EC2Client for the endpoint: one attempt unless `extra` says otherwise. */
export function client(server: Pick<Ec2Local, 'url'>, region = 'us-east-1', accessKeyId = DEFAULT_ACCESS_KEY,
  extra: Partial<ConstructorParameters<typeof EC2Client>[0]> = {}): EC2Client {
  return new EC2Client({
    endpoint: server.url, region, maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: SECRET_KEY }, ...extra,
  });
}

/** Image IDs of one unpaged DescribeImages call, sorted. */
export async function ids(c: EC2Client, input: DescribeImagesCommandInput = {}): Promise<string[]> {
  const out = await c.send(new DescribeImagesCommand(input));
  expect(out.NextToken).toBeUndefined();
  return (out.Images ?? []).map((i: Image) => i.ImageId ?? '').sort();
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
const byJson = (a: unknown, b: unknown) => { const x = canonical(a); const y = canonical(b); return x < y ? -1 : x > y ? 1 : 0; };

/**
 * `image` with its nested lists sorted, for comparing images whatever order the endpoint chose
 * (contract §2.1: the order "including those within nested structures, might vary").
 */
export function sortNested<T extends Image>(image: T): T {
  const sort = <U>(l: U[] | undefined) => (l === undefined ? undefined : [...l].sort(byJson));
  const out: T = { ...image };
  for (const k of ['BlockDeviceMappings', 'Tags', 'ProductCodes', 'ImageWatermarks'] as const) {
    if (image[k] !== undefined) (out as Record<string, unknown>)[k] = sort(image[k] as unknown[]);
  }
  const spec = image.InstanceTypeSpecification;
  if (spec !== undefined) {
    out.InstanceTypeSpecification = { ...spec };
    if (spec.SupportedInstanceTypes !== undefined) out.InstanceTypeSpecification.SupportedInstanceTypes = sort(spec.SupportedInstanceTypes);
    if (spec.UnsupportedInstanceTypes !== undefined) out.InstanceTypeSpecification.UnsupportedInstanceTypes = sort(spec.UnsupportedInstanceTypes);
  }
  return out;
}

/** The error a promise rejects with, as {name, status, message}; fails the test when it resolves. */
export async function errorOf(p: Promise<unknown>): Promise<{ name: string; status?: number; message: string; attempts?: number }> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message, attempts: e.$metadata?.attempts };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A raw HTTP answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Authorization header with a SigV4 credential scope (the server reads the scope, not the signature). */
export function authHeader(accessKey = DEFAULT_ACCESS_KEY, region = 'us-east-1'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20260101/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

/** Send a raw request (form body by default) and read the whole answer. */
export function raw(server: Ec2Local, body: string | Buffer, opts: { method?: string; path?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${opts.path ?? '/'}`, {
      method: opts.method ?? 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: authHeader(), ...opts.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `Code` and `Message` of an EC2 error body. */
export function errorBody(body: string): { code?: string; message?: string; requestId?: string } {
  return {
    code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1],
    message: /<Message>([^<]*)<\/Message>/.exec(body)?.[1],
    requestId: /<RequestID>([^<]*)<\/RequestID>/.exec(body)?.[1],
  };
}
