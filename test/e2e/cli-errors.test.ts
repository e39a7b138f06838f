/**
 * Every error path of the built ami-find against the local endpoint: the documented exit code,
 * `ami-find: <message>` on stderr (plus at most a hint line), and nothing on stdout.
 */
import { createServer } from 'node:net';
import { IDS } from '../ec2-local/fixtures/ids.js';
import { EXPIRED_ACCESS_KEY, UNAUTHORIZED_ACCESS_KEY } from '../support/accounts.js';
import { lines, runBin, type RunResult, useFixtureEndpoint, withoutCredentials } from './cli-support.js';

const local = useFixtureEndpoint();
afterEach(() => local.server.setFaults({}));

/** The error contract: exit code first, then one message line (+ optional hint), empty stdout. */
function expectError(r: RunResult, code: number, message: RegExp, warnings = 0): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const all = lines(r.stderr);
  for (const w of all.slice(0, warnings)) expect(w).toMatch(/^ami-find: warning: /);
  const err = all.slice(warnings);
  expect(err[0]).toMatch(/^ami-find: /);
  expect(err[0]).toMatch(message);
  expect(err.length).toBeLessThanOrEqual(2);
  if (err.length === 2) expect(err[1]).toMatch(/^hint: /);
  expect(r.stderr).not.toMatch(/^\s+at /m); // never a stack trace without --debug
}

/** A localhost port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('ami-find error paths (built bin, local endpoint)', () => {
  test('when there are no credentials then it exits 5', async () => {
    expectError(await runBin(['--owner', 'self'], withoutCredentials(local.env)), 5, /credentials/i);
  });
  test('when the credentials are expired or invalid then it exits 5', async () => {
    expectError(await runBin(['--owner', 'self'], { ...local.env, AWS_ACCESS_KEY_ID: EXPIRED_ACCESS_KEY }), 5, /AuthFailure|credential/i);
  });
  test('when the caller is not authorized then it exits 6', async () => {
    expectError(await runBin(['--owner', 'self'], { ...local.env, AWS_ACCESS_KEY_ID: UNAUTHORIZED_ACCESS_KEY }), 6, /UnauthorizedOperation|not authorized/i);
  });
  test('when --dry-run is not authorized then it exits 6; when it is, it exits 0', async () => {
    expectError(await runBin(['--owner', 'self', '--dry-run'], { ...local.env, AWS_ACCESS_KEY_ID: UNAUTHORIZED_ACCESS_KEY }), 6, /not authorized|Unauthorized/i);
    const ok = await runBin(['--owner', 'self', '--dry-run'], local.env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toMatch(/would have succeeded/);
  });
  test('when the region does not exist then the endpoint host does not resolve and it exits 8', async () => {
    const e = { ...local.env };
    delete e.AWS_ENDPOINT_URL_EC2;
    expectError(await runBin(['--owner', 'self', '--region', 'xx-nowhere-1', '--max-attempts', '1'], e), 8,
      /unknown region "xx-nowhere-1" or endpoint unreachable/);
  });
  test('when the region is malformed then it is a usage error (exit 2) with a suggestion', async () => {
    expectError(await runBin(['--owner', 'self', '--region', 'us-est-1x'], local.env), 2, /did you mean 'us-east-1'/);
  });
  test('when EC2 rejects a filter value then it exits 4 and keeps the EC2 error code (after the local warning)', async () => {
    expectError(await runBin(['--filter', 'name=bad\\descape'], local.env), 4, /InvalidParameterValue/, 1);
  });
  test('when a filter name is unknown then it is a usage error before any request', async () => {
    const before = local.server.requests.length;
    expectError(await runBin(['--filter', 'archtecture=arm64'], local.env), 2, /did you mean 'architecture'/);
    expect(local.server.requests.length).toBe(before);
  });
  test('when an image ID does not exist then it exits 4', async () => {
    expectError(await runBin(['--image-id', 'ami-0fffffffffffffff0'], local.env), 4, /InvalidAMIID\.NotFound/);
  });
  test('when show gets an unknown image ID then it exits 4', async () => {
    expectError(await runBin(['show', 'ami-0fffffffffffffff0'], local.env), 4, /InvalidAMIID\.NotFound/);
  });
  test('when EC2 throttles past every retry then it exits 7 after the configured attempts', async () => {
    local.server.setFaults({ failFirstAttempts: { count: 10, code: 'RequestLimitExceeded' } });
    const before = local.server.requests.length;
    expectError(await runBin(['--owner', 'self', '--max-attempts', '2'], local.env), 7, /RequestLimitExceeded/);
    expect(local.server.requests.length - before).toBe(2);
  });
  test('when a throttle clears within the retries then the listing succeeds', async () => {
    local.server.setFaults({ failFirstAttempts: { count: 1, code: 'RequestLimitExceeded' } });
    const r = await runBin(['--owner', 'self', '-o', 'ids', '--max-attempts', '3'], local.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(IDS.selfPrivate);
  });
  test('when the endpoint refuses connections then it exits 8', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    expectError(await runBin(['--owner', 'self', '--max-attempts', '1'], { ...local.env, AWS_ENDPOINT_URL_EC2: url }), 8, /127\.0\.0\.1|connect|refused/i);
  });
  test('when the starting token is not a token EC2 issued then it exits 4', async () => {
    expectError(await runBin(['--owner', 'self', '--starting-token', 'not-a-real-token'], local.env), 4, /token|NextToken/i);
  });
  test('when the starting token is a botocore token with a bad shape then it is a usage error', async () => {
    const bad = Buffer.from('{"NextToken": 5, "boto_truncate_amount": "x"}').toString('base64');
    expectError(await runBin(['--owner', 'self', '--starting-token', bad], local.env), 2, /token/i);
  });
  test.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--output', 'yaml'], /yaml/],
    [['--page-size', '0'], /page-size/],
    [['--latest', '--name', 'ubuntu*'], /--latest needs --owner/],
    [['-i'], /needs a terminal/],
    [['nosuchdistro:1'], /unknown preset/],
    [['--columns', 'idd'], /unknown column 'idd'/],
    [['--created-after', 'soon'], /--created-after/],
    [['completion', 'tcsh'], /tcsh/],
    [['--owner', 'selff'], /invalid owner 'selff'/],
    [['--image-id', 'ami-nope'], /invalid image ID 'ami-nope'/],
    [['show', 'ami-nope'], /invalid image ID 'ami-nope'/],
    [['show', 'ami-0fffffffffffffff0,ami-nope'], /invalid image ID 'ami-nope'/],
    [['--owner', 'self', '--endpoint-url', ''], /empty endpoint URL \(--endpoint-url\)/],
    [['show', 'ami-0fffffffffffffff0', '--endpoint-url', ''], /empty endpoint URL/],
    [['--owner', 'self', '--created-after', '99999999999d'], /--created-after: .*out of range/],
    [['--owner', 'self', '--retry-mode', 'turbo'], /turbo/],
    [['--owner', 'self', '--read-timeout', '0'], /--read-timeout/],
    [['--owner', 'self', '--connect-timeout', '10x'], /--connect-timeout/],
  ])('when the command line is %j then it is a usage error (exit 2) and nothing is sent', async (args, message) => {
    const before = local.server.requests.length;
    expectError(await runBin(args, local.env), 2, message);
    expect(local.server.requests.length).toBe(before);
  });
  test.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2'])('when %s is not a URL then it is a usage error naming it (exit 2), for find and show', async (name) => {
    const e = { ...local.env, [name]: 'junk' };
    if (name === 'AWS_ENDPOINT_URL') delete e.AWS_ENDPOINT_URL_EC2;
    expectError(await runBin(['--owner', 'self'], e), 2, new RegExp(`invalid endpoint URL "junk" \\(${name}\\)`));
    expectError(await runBin(['show', 'ami-0fffffffffffffff0'], e), 2, /invalid endpoint URL "junk"/);
  });
  test('when AWS_RETRY_MODE is adaptive then the client runs adaptive retries', async () => {
    const r = await runBin(['--owner', 'self', '-o', 'ids', '--debug'], { ...local.env, AWS_RETRY_MODE: 'adaptive' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/debug: client: .*retry mode adaptive/);
  });
  test('when --latest without an owner is refused then the hint explains CVE-2018-15869', async () => {
    const r = await runBin(['--latest', '--name', 'ubuntu*'], local.env);
    expect(r.stderr).toMatch(/CVE-2018-15869/);
  });
  test('when --debug is on then errors show the stack and the log redacts credentials', async () => {
    const r = await runBin(['--image-id', 'ami-0fffffffffffffff0', '--debug'], local.env);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/debug: /);
    expect(r.stderr).not.toContain(local.env.AWS_SECRET_ACCESS_KEY!);
  });
});
