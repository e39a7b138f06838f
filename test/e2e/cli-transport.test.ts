/**
 * Transport faults between ami-find and EC2, through a proxy that breaks
 * chosen answers (faulty-proxy.ts): a stall before the headers or halfway through a body ends in a
 * timeout that is retried; a 200 answer that is not EC2's XML is an error, not an empty last page;
 * a body cut short is retried as a transport failure. Each ends in exit 8 with the rows received
 * and a resume token, the same with both parsers. Short timeouts via the flags keep this fast.
 */
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { BULK_ACCOUNT } from '../ec2-local/fixtures/ids.js';
import { bulkImages } from '../ec2-local/fixtures/images.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, runBin, type RunResult } from './cli-support.js';
import { startFaultyProxy, type Fault, type FaultyProxy } from './faulty-proxy.js';

/** Images of BULK_ACCOUNT: 20 pages of 5 at --page-size 5 (the retry quota test needs more than 12). */
const BULK = 100;
const PARSERS = ['fast', 'sdk'] as const;

let server: Ec2Local;
let proxy: FaultyProxy;
let env: NodeJS.ProcessEnv;
let all: string[];

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...bulkImages('d', BULK, 'bulk', '2021-01-01T00:00:00Z'));
  server = await startEc2Local({ catalogue });
  proxy = await startFaultyProxy(server.url);
  env = localAwsEnv(proxy.url);
  const r = await runBin([...LISTING, '--parser', 'fast'], env);
  expect(r.code).toBe(0);
  all = lines(r.stdout);
  expect(all.length).toBe(BULK);
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});
afterEach(() => {
  proxy.setPlan(undefined);
  server.setFaults({});
});

const LISTING = ['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '5'];
/** Short timeouts, for the stalls (the other faults need none: without the fix they fail without them too). */
const TIMEOUTS = ['--read-timeout', '300ms', '--connect-timeout', '2s'];

/** The token of the `hint: resume with: --starting-token T` line. */
function resumeToken(r: RunResult): string | undefined {
  return /resume with: --starting-token (\S+)/.exec(r.stderr)?.[1];
}

/** A listing that failed on page 2: exit 8, page 1 on stdout, the line and a working resume token on stderr. */
async function expectFailedAfterFirstPage(r: RunResult, message: RegExp): Promise<void> {
  expect(r.code).toBe(8);
  expect(lines(r.stdout)).toEqual(all.slice(0, 5));
  const err = lines(r.stderr);
  expect(err[0]).toMatch(/^ami-find: /);
  expect(err[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const token = resumeToken(r);
  expect(token).toBeDefined();
  proxy.setPlan(undefined);
  const rest = await runBin([...LISTING, '--starting-token', token!], env);
  expect(rest.code).toBe(0);
  expect(lines(rest.stdout)).toEqual(all.slice(5));
}

describe.each(PARSERS)('transport faults with --parser %s (built bin, faulty proxy)', (parser) => {
  /** Two attempts per request; `stalls` adds the short timeouts. */
  const run = (fault: Fault) => runBin([...LISTING, '--max-attempts', '2', '--parser', parser,
    ...(fault === 'stall-headers' || fault === 'half-body' ? TIMEOUTS : [])], env);

  test('when the endpoint never sends the headers then the read timeout ends each attempt and it exits 8 with a resume token', async () => {
    proxy.setPlan({ fault: 'stall-headers', after: 1 });
    const started = Date.now();
    const r = await run('stall-headers');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(proxy.faulted).toBe(2); // both attempts of page 2
    await expectFailedAfterFirstPage(r, /read timeout/);
  });

  test('when the endpoint sends half a body then goes silent then it times out, retries, and exits 8 with a resume token', async () => {
    proxy.setPlan({ fault: 'half-body', after: 1 });
    const r = await run('half-body');
    expect(proxy.faulted).toBe(2);
    await expectFailedAfterFirstPage(r, /read timeout/);
  });

  test('when a 200 answer is an HTML page then it is an error (exit 8), not the last page, and is not retried', async () => {
    proxy.setPlan({ fault: 'html', after: 1 });
    const r = await run('html');
    expect(proxy.faulted).toBe(1);
    await expectFailedAfterFirstPage(r, /text\/html.*not EC2's XML/);
    expect(r.stderr).toMatch(/captive portal/);
  });

  test('when the first answer is an HTML page then nothing is printed and it exits 8', async () => {
    proxy.setPlan({ fault: 'html' });
    const r = await run('html');
    expect(r.code).toBe(8);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/no image matched/);
  });

  test('when the XML is cut short with an honest Content-Length then it is retried and exits 8 with a resume token', async () => {
    proxy.setPlan({ fault: 'truncated', after: 1 });
    const r = await run('truncated');
    expect(proxy.faulted).toBe(2);
    await expectFailedAfterFirstPage(r, /cut short.*after 2 attempts/);
    expect(r.stderr).not.toMatch(/rejected|hidden field/);
  });

  test.each<Fault>(['stall-headers', 'half-body', 'truncated'])('when one %s answer is followed by good ones then the retry recovers every row', async (fault) => {
    proxy.setPlan({ fault, after: 2, times: 1 });
    const r = await run(fault);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(all);
    expect(proxy.faulted).toBe(1);
  });
});

describe('timeouts and retries as configured', () => {
  test('when the read timeout comes from AMI_FIND_READ_TIMEOUT then it is used', async () => {
    proxy.setPlan({ fault: 'stall-headers' });
    const r = await runBin([...LISTING, '--max-attempts', '1'], { ...env, AMI_FIND_READ_TIMEOUT: '250ms' });
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/no answer from .* for 250 ms \(read timeout\) \(1 attempt\)/);
  });

  test('when the SDK retry quota runs out before --max-attempts then the message says so instead of "raise --max-attempts"', async () => {
    // Each page fails 4 times (500 InternalError) before it succeeds: 4 retries cost 56 of the quota's 500 tokens and
    // the success gives 14 back, so after about a dozen pages the SDK stops retrying although attempts remain.
    server.setFaults({ failFirstAttempts: { count: 4, code: 'InternalError' } });
    const r = await runBin([...LISTING, '--max-attempts', '5'], env, { timeoutMs: 25_000 });
    expect(r.code).toBe(7);
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^ami-find: EC2 service error after [1-4] of 5 attempts \(the SDK's retry quota ran out\)/);
    expect(err[1]).toMatch(/^hint: the SDK's retry quota ran out/);
    expect(r.stderr).not.toMatch(/raise --max-attempts/);
    expect(resumeToken(r)).toBeDefined();
  }, 30_000);
});
