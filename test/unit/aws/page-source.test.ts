/**
 * The EC2 page source over real HTTP to a local server: each page request is sent with the SDK's
 * own `client.send(command, { abortSignal })`, and aborting it ends it at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createEc2PageSource } from '../../../src/aws/page-source.js';
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

describe('page requests', () => {
  test('when three pages are asked for then each is one request and gives the parsed images', async () => {
    const source = await createEc2PageSource({ endpoint: url, region: 'us-east-1' });
    for (let i = 0; i < 3; i++) {
      const got = await source.describeImagesPage({ MaxResults: 5 }, new AbortController().signal);
      expect(got.Images?.map((i) => i.ImageId)).toEqual(['ami-1', 'ami-2']);
    }
    expect(seen).toHaveLength(3);
  });

  test('when one of two requests in flight is aborted then only that one ends; the other gets its page', async () => {
    onRequest = (_s, all) => {
      if (all.length < 2) return;
      reply(all.find((s) => s.body.includes('MaxResults=6'))!, 200, page());
    };
    const source = await createEc2PageSource({ endpoint: url, region: 'us-east-1' });
    const aborted = new AbortController();
    const a = source.describeImagesPage({ MaxResults: 5 }, aborted.signal);
    const b = source.describeImagesPage({ MaxResults: 6 }, new AbortController().signal);
    await until(() => seen.length >= 2);
    aborted.abort();
    expect((await rejection(a)) as unknown).toMatchObject({ code: 'E_INTERRUPTED' });
    expect((await b).Images?.map((i) => i.ImageId)).toEqual(['ami-1', 'ami-2']);
    await within(1000, seen.find((s) => s.body.includes('MaxResults=5'))!.closed);
  });
});

describe.each(['fast', 'sdk'] as const)('the abort signal (parser %s)', (parser) => {
  test('when the signal aborts while the response is awaited then the request rejects at once and the HTTP request is closed', async () => {
    onRequest = () => {}; // never answers
    const source = await createEc2PageSource({ endpoint: url, region: 'us-east-1', parser });
    const controller = new AbortController();
    const sent = source.describeImagesPage({}, controller.signal);
    await until(() => seen.length >= 1);
    const started = Date.now();
    controller.abort();
    const e = await rejection(within(1000, sent));
    expect(e as unknown).toMatchObject({ code: 'E_INTERRUPTED' });
    expect(Date.now() - started).toBeLessThan(500);
    // The SDK's HTTP handler got the signal: the server sees the request go away, not a socket left waiting.
    await within(1000, seen[0]!.closed);
  });

  test('when the signal is already aborted then the request rejects and nothing is sent', async () => {
    const source = await createEc2PageSource({ endpoint: url, region: 'us-east-1', parser });
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(source.describeImagesPage({}, controller.signal))) as unknown).toMatchObject({ code: 'E_INTERRUPTED' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(0);
  });
});

// What the page source relies on: the SDK's retry middleware races its delay against the abortSignal.
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

  test('when the signal aborts while the SDK waits to retry then the request rejects at once and the retry never goes out', async () => {
    onRequest = (s) => reply(s, 503, renderErrorXml('Unavailable', 'try again', 'req-503'));
    const ec2 = new EC2Client({
      region: 'us-east-1', endpoint: url, retryStrategy: retryAfter(400),
      credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: SECRET_KEY },
    });
    clients.push(ec2);
    const controller = new AbortController();
    const sent = ec2.send(new DescribeImagesCommand({}), { abortSignal: controller.signal });
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
