/**
 * send(): requests through the SDK's cached middleware handler, each with its own options (abort
 * signal, page request), over real HTTP to a local server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Client } from '../../../src/aws/client.js';
import { createEc2PageSource } from '../../../src/aws/page-source.js';
import { loadAwsSdk } from '../../../src/aws/sdk.js';
import { send, usePerRequestOptions } from '../../../src/aws/send.js';
import type { ImagePage } from '../../../src/types.js';
import { renderDescribeImagesXml, renderErrorXml } from '../../ec2-local/server/index.js';
import { DEFAULT_ACCESS_KEY, SECRET_KEY } from '../../support/accounts.js';

interface Seen {
  body: string;
  res: ServerResponse;
  closed: Promise<void>;
}

let server: Server;
let url: string;
let seen: Seen[] = [];
/** What the server does with each request; by default it answers a page of two images. */
let onRequest: (s: Seen, all: Seen[]) => void = (s) => reply(s, 200, page());
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' });
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { body += c; });
    req.on('end', () => {
      const s: Seen = { body, res, closed: new Promise((resolve) => res.on('close', () => resolve())) };
      seen.push(s);
      onRequest(s, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of seen) if (!s.res.writableEnded) s.res.destroy();
  seen = [];
  onRequest = (s) => reply(s, 200, page());
  jest.restoreAllMocks();
});

afterAll(async () => {
  process.env = savedEnv;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const IMAGES = [{ ImageId: 'ami-1', Name: 'one', Architecture: 'x86_64' as const }, { ImageId: 'ami-2', Name: 'two', Architecture: 'arm64' as const }];

function page(nextToken?: string): string {
  return renderDescribeImagesXml(IMAGES, nextToken, 'req-page');
}

function reply(s: Seen, status: number, body: string): void {
  s.res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/** Resolves when `p` settles within `ms`, else rejects: for "promptly" and "the server saw it close". */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Wait for `cond`, at most 2 s. */
async function until(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Clients made by a test, destroyed after it (their sockets closed). */
const clients: EC2Client[] = [];
async function client(opts: { parser?: 'fast' | 'sdk' } = {}): Promise<EC2Client> {
  const c = await createEc2Client({ endpoint: url, region: 'us-east-1', ...opts });
  clients.push(c);
  return c;
}

describe('the cached middleware handler', () => {
  test('when a listing sends three pages then the middleware stack is resolved once, not per request', async () => {
    const { DescribeImagesCommand: Command } = loadAwsSdk().sdk;
    const resolved = jest.spyOn(Command.prototype, 'resolveMiddleware');
    const source = await createEc2PageSource({ endpoint: url, region: 'us-east-1' });
    for (let i = 0; i < 3; i++) {
      const got = await source.describeImagesPage({ MaxResults: 5 }, new AbortController().signal, { fields: ['ImageId'] });
      expect(got.Images?.map((i) => i.ImageId)).toEqual(['ami-1', 'ami-2']);
    }
    expect(seen).toHaveLength(3);
    expect(resolved).toHaveBeenCalledTimes(1);
  });
});

describe('per-request options', () => {
  test('when two requests with different page options are in flight at once then each gets its own fields and NextToken hook', async () => {
    // Both requests wait until the other has arrived, so they share the handler (and its context) at the same time.
    onRequest = (_s, all) => {
      if (all.length < 2) return;
      for (const s of all) reply(s, 200, page(s.body.includes('MaxResults=5') ? 'token-a' : 'token-b'));
    };
    const ec2 = await client();
    const hooks: { a: (string | undefined)[]; b: (string | undefined)[] } = { a: [], b: [] };
    const [a, b] = await Promise.all([
      send<ImagePage>(ec2, new DescribeImagesCommand({ MaxResults: 5 }), { page: { fields: ['ImageId'], onNextToken: (t) => hooks.a.push(t) } }),
      send<ImagePage>(ec2, new DescribeImagesCommand({ MaxResults: 6 }), { page: { fields: ['Name'], onNextToken: (t) => hooks.b.push(t) } }),
    ]);
    expect(a.Images).toEqual([{ ImageId: 'ami-1' }, { ImageId: 'ami-2' }]);
    expect(b.Images).toEqual([{ Name: 'one' }, { Name: 'two' }]);
    expect([a.NextToken, b.NextToken]).toEqual(['token-a', 'token-b']);
    expect(hooks).toEqual({ a: ['token-a'], b: ['token-b'] });
  });

  test('when the first attempt fails and the SDK retries then the retry still gets the page options (same input on every attempt)', async () => {
    onRequest = (s, all) => (all.length === 1 ? reply(s, 503, renderErrorXml('Unavailable', 'try again', 'req-503')) : reply(s, 200, page()));
    const ec2 = await client();
    const got = await send<ImagePage>(ec2, new DescribeImagesCommand({}), { page: { fields: ['Name'] } });
    expect(seen).toHaveLength(2);
    expect(got.Images).toEqual([{ Name: 'one' }, { Name: 'two' }]);
  });

  test('when one of two requests in flight is aborted then only that one ends; the other gets its page', async () => {
    onRequest = (_s, all) => {
      if (all.length < 2) return;
      const kept = all.find((s) => s.body.includes('MaxResults=6'))!;
      reply(kept, 200, page());
    };
    const ec2 = await client();
    const aborted = new AbortController();
    const a = send<ImagePage>(ec2, new DescribeImagesCommand({ MaxResults: 5 }), { signal: aborted.signal });
    const b = send<ImagePage>(ec2, new DescribeImagesCommand({ MaxResults: 6 }), { signal: new AbortController().signal, page: { fields: ['ImageId'] } });
    await until(() => seen.length >= 2);
    aborted.abort();
    expect((await rejection(a)).name).toBe('AbortError');
    expect((await b).Images).toEqual([{ ImageId: 'ami-1' }, { ImageId: 'ami-2' }]);
    await within(1000, seen.find((s) => s.body.includes('MaxResults=5'))!.closed);
  });

  test('when one command input is sent twice at once then the second send is refused', async () => {
    onRequest = () => {};
    const ec2 = await client();
    const controller = new AbortController();
    const command = new DescribeImagesCommand({});
    const first = send(ec2, command, { signal: controller.signal });
    await expect(send(ec2, command)).rejects.toThrow(/already being sent/);
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe.each(['fast', 'sdk'] as const)('the abort signal (parser %s)', (parser) => {
  test('when the signal aborts while the response is awaited then send rejects at once and the HTTP request is closed', async () => {
    onRequest = () => {}; // never answers
    const ec2 = await client({ parser });
    const controller = new AbortController();
    const sent = send(ec2, new DescribeImagesCommand({}), { signal: controller.signal });
    await until(() => seen.length >= 1);
    const started = Date.now();
    controller.abort();
    const e = await rejection(within(1000, sent));
    expect(e.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(500);
    // The SDK's HTTP handler got the signal: the server sees the request go away, not a socket left waiting.
    await within(1000, seen[0]!.closed);
  });

  test('when the signal is already aborted then send rejects and nothing is sent', async () => {
    const ec2 = await client({ parser });
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(send(ec2, new DescribeImagesCommand({}), { signal: controller.signal }))).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(0);
  });
});

describe('an abort during a retry delay', () => {
  /** A retry strategy (the SDK's v2 interface) that retries once after `delayMs`. */
  const retryAfter = (delayMs: number) => ({
    mode: 'standard',
    acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
    refreshRetryTokenForRetry: async (token: { getRetryCount: () => number }) => {
      if (token.getRetryCount() >= 1) throw new Error('no more retries');
      return { getRetryCount: () => 1, getRetryDelay: () => delayMs };
    },
    recordSuccess: () => {},
  });

  test('when the signal aborts while the SDK waits to retry then send rejects at once and the retry never goes out', async () => {
    onRequest = (s) => reply(s, 503, renderErrorXml('Unavailable', 'try again', 'req-503'));
    const ec2 = new EC2Client({
      region: 'us-east-1', endpoint: url, cacheMiddleware: true, retryStrategy: retryAfter(400),
      credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: SECRET_KEY },
    });
    clients.push(ec2);
    usePerRequestOptions(ec2);
    const controller = new AbortController();
    const sent = send(ec2, new DescribeImagesCommand({}), { signal: controller.signal });
    await until(() => seen.length >= 1 && seen[0]!.res.writableEnded);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    controller.abort();
    expect((await rejection(within(1000, sent))).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(350); // the delay is 400 ms
    // After the delay the SDK tries again, but the handler meets an aborted signal: nothing on the wire.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toHaveLength(1);
  });
});
