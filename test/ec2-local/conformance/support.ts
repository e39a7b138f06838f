/** Shared set-up for the conformance tests: a fixture server and real SDK clients pointed at it. */
import { DescribeImagesCommand, EC2Client, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
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

/** An Authorization header with a SigV4 credential scope but a made-up signature (for scope checks). */
export function authHeader(accessKey = DEFAULT_ACCESS_KEY, region = 'us-east-1', date = '20260101'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/${date}/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** SHA-256 for @smithy/signature-v4 on node:crypto (HMAC when given a key). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void { this.hash.update(toBytes(data)); }
  async digest(): Promise<Uint8Array> { return this.hash.digest(); }
}

/** Who signs a raw request, and when (defaults: the default test key, us-east-1, now). */
export interface Signing {
  accessKey?: string;
  secretKey?: string;
  region?: string;
  service?: string;
  date?: Date;
}

/**
 * Headers of a raw request signed with SigV4 by @smithy/signature-v4 (the signer the JS SDK uses, not
 * the endpoint's own code): content-type, host, x-amz-date, x-amz-content-sha256 and authorization.
 */
export async function signedHeaders(server: Pick<Ec2Local, 'port'>, body: string | Buffer, method = 'POST', path = '/',
  signing: Signing = {}, headers: Record<string, string> = {}): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: signing.service ?? 'ec2', region: signing.region ?? 'us-east-1', sha256: NodeSha256,
    credentials: { accessKeyId: signing.accessKey ?? DEFAULT_ACCESS_KEY, secretAccessKey: signing.secretKey ?? SECRET_KEY },
  });
  const q = path.indexOf('?');
  const query = q < 0 ? {} : Object.fromEntries(new URLSearchParams(path.slice(q + 1)));
  const signed = await signer.sign({
    method, protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: q < 0 ? path : path.slice(0, q), query,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: `127.0.0.1:${server.port}`, ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  }, { signingDate: signing.date });
  return signed.headers;
}

/**
 * Send a raw request (form body by default), signed as the default test key unless `signing` says
 * otherwise, and read the whole answer. `headers` are signed too, except `authorization` and
 * `x-amz-date`, which replace the signed ones (to break or drop them).
 */
export async function raw(server: Ec2Local, body: string | Buffer,
  opts: { method?: string; path?: string; headers?: Record<string, string>; signing?: Signing } = {}): Promise<RawResponse> {
  const method = opts.method ?? 'POST';
  const path = opts.path ?? '/';
  const { authorization: _a, 'x-amz-date': _d, ...toSign } = opts.headers ?? {};
  const signed = await signedHeaders(server, body, method, path, opts.signing, toSign);
  return send(server, body, { ...signed, ...opts.headers }, method, path);
}

/** Send a request with exactly these headers and read the whole answer. */
export function send(server: Ec2Local, body: string | Buffer, headers: Record<string, string>, method = 'POST', path = '/'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
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
