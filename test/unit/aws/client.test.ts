import { createEc2Client } from '../../../src/aws/client.js';
import { rejection as failure } from '../../support/errors.js';

/** The resolved config of the client's NodeHttpHandler (its `configProvider`, read here for the test only). */
async function handlerConfig(client: Awaited<ReturnType<typeof createEc2Client>>): Promise<object> {
  return (client.config.requestHandler as unknown as { configProvider: Promise<object> }).configProvider;
}

describe('createEc2Client', () => {
  test.each(['not a url', 'ftp://127.0.0.1/'])('when the endpoint is %p then E_BAD_ENDPOINT exit 2', async (endpoint) => {
    const e = await failure(createEc2Client({ region: 'us-east-1', endpoint }));
    expect([e.code, e.exitCode]).toEqual(['E_BAD_ENDPOINT', 2]);
  });

  test('when options are given then the client uses them with standard retries', async () => {
    const client = await createEc2Client({ region: 'eu-west-3', endpoint: 'http://127.0.0.1:1/base', maxAttempts: 4 });
    expect(await client.config.region()).toBe('eu-west-3');
    expect(await client.config.maxAttempts()).toBe(4);
    expect((await client.config.retryStrategy() as { mode?: string }).mode).toBe('standard');
    const endpoint = await client.config.endpoint!();
    expect([endpoint.protocol, endpoint.hostname, endpoint.port, endpoint.path]).toEqual(['http:', '127.0.0.1', 1, '/base']);
  });

  test.each([
    ['adaptive', 'adaptive'],
    ['standard', 'standard'],
    ['legacy', 'standard'],
  ] as const)('when the retry mode is %s then the SDK runs %s retries', async (mode, expected) => {
    const client = await createEc2Client({ region: 'us-east-1', retryMode: mode });
    expect((await client.config.retryStrategy() as { mode?: string }).mode).toBe(expected);
  });

  test('when timeouts are given then the HTTP handler gets them as connection and socket (inactivity) timeouts', async () => {
    const client = await createEc2Client({ region: 'us-east-1', connectTimeoutMs: 1234, readTimeoutMs: 5678 });
    expect(await handlerConfig(client)).toMatchObject({ connectionTimeout: 1234, socketTimeout: 5678 });
  });

  test('when no timeouts are given then 10 s to connect and 60 s of silence are the defaults', async () => {
    const client = await createEc2Client({ region: 'us-east-1' });
    expect(await handlerConfig(client)).toMatchObject({ connectionTimeout: 10_000, socketTimeout: 60_000 });
  });

  test('when the SDK parser is chosen then only the response check is installed, not the fast parser', async () => {
    const sdk = (await createEc2Client({ region: 'us-east-1', parser: 'sdk' })).middlewareStack.identify().join('\n');
    expect(sdk).toMatch(/amiFindDescribeImagesCapture/);
    expect(sdk).not.toMatch(/amiFindFastDescribeImagesMerge/);
    const fast = (await createEc2Client({ region: 'us-east-1' })).middlewareStack.identify().join('\n');
    expect(fast).toMatch(/amiFindFastDescribeImagesMerge/);
  });

  test('when debug is set then the per-call and per-attempt log middlewares are installed', async () => {
    const lines: string[] = [];
    const client = await createEc2Client({ region: 'us-east-1', debug: (l) => lines.push(l) });
    const names = client.middlewareStack.identify().join('\n');
    expect(names).toMatch(/amiFindDebugCall/);
    expect(names).toMatch(/amiFindDebugHttp/);
    expect(lines[0]).toMatch(/^client: region us-east-1/);
  });

  test('when debug is not set then no log middleware is installed', async () => {
    const client = await createEc2Client({ region: 'us-east-1' });
    expect(client.middlewareStack.identify().join('\n')).not.toMatch(/amiFindDebug/);
  });
});
