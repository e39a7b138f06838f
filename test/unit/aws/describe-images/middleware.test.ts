/**
 * The fast parser installed by the real client factory, over real HTTP: retries, errors,
 * request ids, broken bodies and other commands behave exactly as with the SDK's parser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DescribeImagesCommand, DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Client } from '../../../../src/aws/client.js';
import type { ImageField } from '../../../../src/types.js';
import { renderDescribeImagesXml, renderErrorXml } from '../../../ec2-local/server/index.js';
import { DEFAULT_ACCESS_KEY, SECRET_KEY } from '../../../support/accounts.js';

type Reply = { status: number; body: string; truncate?: boolean };

let server: Server;
let url: string;
let script: Reply[] = [];
let served = 0;
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' });
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const reply = script[Math.min(served++, script.length - 1)]!;
      const body = Buffer.from(reply.body);
      res.writeHead(reply.status, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-RequestId': `req-${served}`, 'content-length': body.length });
      if (reply.truncate) {
        res.write(body.subarray(0, body.length >> 1));
        setTimeout(() => res.socket?.destroy(), 20);
      } else {
        res.end(body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  process.env = savedEnv;
  await new Promise((resolve) => server.close(resolve));
});

const IMAGES = [{ ImageId: 'ami-1', Name: 'one & <two>', Public: true, Tags: [{ Key: 'k', Value: 'v' }] }, { ImageId: 'ami-2' }];
const PAGE = renderDescribeImagesXml(IMAGES, 'next-1', 'body-req');
const THROTTLED = renderErrorXml('RequestLimitExceeded', 'Request limit exceeded.', 'e-1');
const BAD_FILTER = renderErrorXml('InvalidParameterValue', "The filter 'nope' is invalid", 'e-2');

async function run(
  parser: 'fast' | 'sdk', replies: Reply[], send: (c: EC2Client) => Promise<unknown>, fields?: ImageField[],
): Promise<{ value?: unknown; error?: Record<string, unknown>; requests: number }> {
  script = replies;
  served = 0;
  const client = await createEc2Client({ endpoint: url, region: 'us-east-1', maxAttempts: 3, parser, fields });
  try {
    return { value: await send(client), requests: served };
  } catch (error) {
    return { error: error as Record<string, unknown>, requests: served };
  } finally {
    client.destroy();
  }
}

const images = (c: EC2Client) => c.send(new DescribeImagesCommand({ MaxResults: 5 }));
/** $metadata without totalRetryDelay, which is random (jittered backoff). */
const stable = (m: unknown) => ({ ...(m as Record<string, unknown>), totalRetryDelay: undefined });
const errorView = (e: Record<string, unknown> | undefined) => e && ({
  ctor: e.constructor.name, name: e.name, message: e.message, Code: e.Code, Error: e.Error, $fault: e.$fault,
  $metadata: stable(e.$metadata), code: e.code,
});

describe('fast parser middleware on a real client', () => {
  test('when the client is built with parser sdk then the fast parser\'s middleware is absent, and present otherwise', async () => {
    const names = async (parser: 'fast' | 'sdk') => {
      const c = await createEc2Client({ endpoint: url, region: 'us-east-1', parser });
      const list = c.middlewareStack.identify();
      c.destroy();
      return list.join('\n');
    };
    expect(await names('fast')).toContain('amiFindFastDescribeImagesMerge');
    expect(await names('sdk')).not.toContain('amiFindFastDescribeImages');
    expect(await names('sdk')).toContain('amiFindDescribeImagesCapture');
  });

  test('when a page arrives then the output, request id and attempts equal the SDK path', async () => {
    const fast = await run('fast', [{ status: 200, body: PAGE }], images);
    const sdk = await run('sdk', [{ status: 200, body: PAGE }], images);
    expect(fast.error).toBeUndefined();
    expect(fast.value).toStrictEqual(sdk.value);
    expect((fast.value as { $metadata: unknown }).$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 });
  });

  test('when the client is built with fields then each image carries only those members, and the SDK path ignores them', async () => {
    const fast = await run('fast', [{ status: 200, body: PAGE }], images, ['ImageId', 'Public']);
    const sdk = await run('sdk', [{ status: 200, body: PAGE }], images, ['ImageId', 'Public']);
    const { $metadata, ...page } = fast.value as Record<string, unknown>;
    expect(page).toStrictEqual({ NextToken: 'next-1', Images: [{ ImageId: 'ami-1', Public: true }, { ImageId: 'ami-2' }] });
    expect($metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect((sdk.value as { Images: unknown[] }).Images[0]).toMatchObject({ Name: 'one & <two>', Tags: [{ Key: 'k', Value: 'v' }] });
  });

  test('when the server answers 503 RequestLimitExceeded then 200 then the fast client retries and returns the page', async () => {
    const replies = [{ status: 503, body: THROTTLED }, { status: 200, body: PAGE }];
    const fast = await run('fast', replies, images);
    const sdk = await run('sdk', replies, images);
    expect(fast.requests).toBe(2);
    expect(sdk.requests).toBe(2);
    const f = fast.value as { $metadata: unknown; Images: unknown };
    const s = sdk.value as { $metadata: unknown; Images: unknown };
    expect(stable(f.$metadata)).toStrictEqual(stable(s.$metadata));
    expect(f.$metadata).toMatchObject({ attempts: 2, requestId: 'req-2' });
    expect(f.Images).toStrictEqual(s.Images);
  });

  test('when the server answers 400 then the fast client raises the same EC2ServiceException, without retrying', async () => {
    const fast = await run('fast', [{ status: 400, body: BAD_FILTER }], images);
    const sdk = await run('sdk', [{ status: 400, body: BAD_FILTER }], images);
    expect(fast.error?.name).toBe('InvalidParameterValue');
    expect(fast.requests).toBe(1);
    expect(errorView(fast.error)).toStrictEqual(errorView(sdk.error));
  });

  test('when the server keeps answering 503 then both paths give up after 3 attempts with the same error', async () => {
    const fast = await run('fast', [{ status: 503, body: THROTTLED }], images);
    const sdk = await run('sdk', [{ status: 503, body: THROTTLED }], images);
    expect(fast.requests).toBe(3);
    expect(fast.error?.$fault).toBe('server');
    expect(errorView(fast.error)).toStrictEqual(errorView(sdk.error));
  });

  test('when a 200 body is cut off mid-stream then both paths fail or retry the same way', async () => {
    const replies = [{ status: 200, body: PAGE, truncate: true }];
    const fast = await run('fast', replies, images);
    const sdk = await run('sdk', replies, images);
    expect(fast.error).toBeDefined();
    expect(fast.requests).toBe(sdk.requests);
    expect(errorView(fast.error)).toStrictEqual(errorView(sdk.error));
  });

  test('when a 200 body is HTML then both parsers fail alike with the not-EC2 error, after one request', async () => {
    const replies = [{ status: 200, body: '<!DOCTYPE html><html><body>Sign in</body></html>' }];
    for (const parser of ['fast', 'sdk'] as const) {
      const r = await run(parser, replies, images);
      expect([r.error?.name, r.requests]).toEqual(['AmiFindNotEc2Response', 1]);
    }
  });

  test('when a 200 body is cut short with an honest length then both parsers retry it and fail alike', async () => {
    const replies = [{ status: 200, body: PAGE.slice(0, PAGE.length >> 1) }];
    for (const parser of ['fast', 'sdk'] as const) {
      const r = await run(parser, replies, images);
      expect([r.error?.name, r.requests]).toEqual(['AmiFindTruncatedResponse', 3]);
    }
  });

  test('when a 200 body is cut short once then both parsers return the page from the retry', async () => {
    const replies = [{ status: 200, body: PAGE.slice(0, -10) }, { status: 200, body: PAGE }];
    for (const parser of ['fast', 'sdk'] as const) {
      const r = await run(parser, replies, images);
      expect(r.requests).toBe(2);
      expect((r.value as { Images: unknown[] }).Images).toHaveLength(2);
    }
  });

  test('when another command runs on the same client then its response is left to the SDK', async () => {
    const regions = '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><regionInfo><item>'
      + '<regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus>'
      + '</item></regionInfo></DescribeRegionsResponse>';
    const send = (c: EC2Client) => c.send(new DescribeRegionsCommand({}));
    const fast = await run('fast', [{ status: 200, body: regions }], send);
    const sdk = await run('sdk', [{ status: 200, body: regions }], send);
    expect((fast.value as { Regions: unknown[] }).Regions).toHaveLength(1);
    expect(fast.value).toStrictEqual(sdk.value);
  });
});
