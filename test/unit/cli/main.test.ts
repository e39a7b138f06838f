/** main() in-process: the one exit point, with fake streams, against the local endpoint. */
import { Writable } from 'node:stream';
import { main } from '../../../src/cli/main.js';
import type { Ec2Local } from '../../ec2-local/server/index.js';
import { startFixtureServer } from '../../ec2-local/fixtures/server.js';
import { BULK_ACCOUNT, IDS } from '../../ec2-local/fixtures/ids.js';
import { DEFAULT_ACCESS_KEY, SECRET_KEY } from '../../support/accounts.js';
import { testIo } from './fake-io.js';

let server: Ec2Local;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startFixtureServer();
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/ami-find-test/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ami-find-test/credentials',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
});
afterAll(async () => {
  await server.close();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});
afterEach(() => server.setLatency({}));

const aws = () => ['--endpoint-url', server.url, '--region', 'us-west-2'];

describe('main', () => {
  test('when --help is asked for then help goes to stdout and the exit code is 0', async () => {
    const io = testIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out.text).toMatch(/^Usage: ami-find/);
    expect(io.err.text).toBe('');
  });
  test('when --version comes with an extra word then the version prints with exit 0', async () => {
    const io = testIo();
    expect(await main(['--version', 'extra'], io)).toBe(0);
    expect(io.out.text).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  test('when -hV is given then it is an unknown option: exit 2, nothing on stdout', async () => {
    const io = testIo();
    expect(await main(['-hV'], io)).toBe(2);
    expect(io.out.text).toBe('');
    expect(io.err.text).toMatch(/^ami-find: unknown option '-hV'/);
  });
  test('when AWS_MAX_ATTEMPTS is invalid then --help is a usage error (exit 2): commander reads env-backed flags first', async () => {
    process.env.AWS_MAX_ATTEMPTS = 'abc';
    const io = testIo();
    try {
      expect(await main(['--help'], io)).toBe(2);
    } finally {
      delete process.env.AWS_MAX_ATTEMPTS;
    }
    expect(io.out.text).toBe('');
    expect(io.err.text).toMatch(/AWS_MAX_ATTEMPTS/);
  });
  test('when a flag is unknown then exit 2 with one error line and a hint, nothing on stdout', async () => {
    const io = testIo();
    expect(await main(['--ownr', 'self'], io)).toBe(2);
    expect(io.out.text).toBe('');
    expect(io.err.text).toMatch(/^ami-find: unknown option '--ownr'.*\nhint: .*\n$/);
  });
  test('when completion is asked for then the script is printed', async () => {
    const io = testIo();
    expect(await main(['completion', 'fish'], io)).toBe(0);
    expect(io.out.text).toMatch(/complete -c ami-find/);
  });
  test('when a listing runs then rows stream to stdout and the exit code is 0', async () => {
    const io = testIo();
    expect(await main(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '10', ...aws()], io)).toBe(0);
    expect(io.out.text.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    expect(io.err.text).toBe('');
  });
  test('when Ctrl-C arrives during a request then it is aborted and main returns 130 with a resume hint', async () => {
    server.setLatency({ fixedMs: 400 });
    const io = testIo();
    const run = main(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '10', ...aws()], io);
    const waitForRows = async () => { while (!io.out.text) await new Promise((r) => setTimeout(r, 20)); };
    await waitForRows();
    const started = Date.now();
    io.interrupt();
    expect(await run).toBe(130);
    expect(Date.now() - started).toBeLessThan(300); // the in-flight request was aborted, not awaited
    expect(io.out.text.split('\n').filter(Boolean).length).toBe(10);
    expect(io.err.text).toMatch(/^ami-find: interrupted\nhint: resume with: --starting-token \S+\n$/);
  });
  test('when stdout is closed by the reader then main stops fetching and returns 0 quietly', async () => {
    const io = testIo();
    let writes = 0;
    io.stdout = new Writable({
      write(_chunk, _enc, cb) {
        writes++;
        cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    io.stdout.on('error', () => {});
    const before = server.requests.length;
    // A page size of its own: the aborted request of the Ctrl-C test may still land in the log.
    expect(await main(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '11', ...aws()], io)).toBe(0);
    expect(writes).toBe(1);
    expect(server.requests.slice(before).filter((r) => r.params.MaxResults === '11').length).toBe(1);
    expect(io.err.text).toBe('');
  });
  test('when show asks for an image then its details print', async () => {
    const io = testIo();
    expect(await main(['show', IDS.al2023x86, '--endpoint-url', server.url, '--region', 'us-east-1'], io)).toBe(0);
    expect(io.out.text).toContain(IDS.al2023x86);
  });
});
