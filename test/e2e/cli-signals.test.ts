/**
 * Issue 15 item 4: a second Ctrl-C, SIGTERM and SIGHUP all end a listing with the "interrupted"
 * line and the resume token on stderr and a documented exit code; a backtracking --name-regex
 * cannot hang the listing.
 */
import { spawn } from 'node:child_process';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { BULK_ACCOUNT } from '../ec2-local/fixtures/ids.js';
import { baseImage, bulkImages } from '../ec2-local/fixtures/images.js';
import { localAwsEnv } from '../support/accounts.js';
import { BIN, lines, requireBuilt, runBin } from './cli-support.js';

const MANY = 2000;
const LONG_A = 'ami-e000000000000000a';
const SHORT_A = 'ami-e000000000000000b';

let server: Ec2Local;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...bulkImages('e', MANY, 'signal', '2022-01-01T00:00:00Z', (n) => ({ Description: `image ${n} of the signal tests` })));
  // For (a+)+$: the backtracking engine needs 2^60 steps to reject this name.
  catalogue.images.push(baseImage(LONG_A, 'us-east-1', { OwnerId: BULK_ACCOUNT, Public: true, Name: `${'a'.repeat(60)}!` }));
  catalogue.images.push(baseImage(SHORT_A, 'us-east-1', { OwnerId: BULK_ACCOUNT, Public: true, Name: 'baaa' }));
  server = await startEc2Local({ catalogue });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server.close(); });
afterEach(() => { server.setLatency({}); });

function describeCalls(): number {
  return server.requests.filter((r) => r.action === 'DescribeImages').length;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/**
 * Run ami-find; `act(child)` runs while it does. stdout is not read until `act` resolves: a
 * listing stopped by then has to wait for the reader to write its rows.
 */
async function run(args: string[], act: (child: import('node:child_process').ChildProcess) => Promise<void>): Promise<Outcome> {
  requireBuilt();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  let stdout = '';
  // Read, but paused: what the pipe and this stream's buffer cannot hold waits in ami-find.
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stdout.pause();
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await act(child);
  child.stdout.resume();
  const [code, signal] = await closed;
  clearTimeout(timer);
  return { code, signal, stdout, stderr };
}

/** Wait until the endpoint has seen `n` DescribeImages requests since `from` (the listing is under way). */
async function requestsSeen(from: number, n: number): Promise<void> {
  while (describeCalls() - from < n) await sleep(10);
}

describe('stop signals end a listing with the interrupted line and the token (built bin, local endpoint)', () => {
  test('when a second Ctrl-C follows the first while rows are still being written then both lines and exit 130 remain', async () => {
    server.setLatency({ fixedMs: 300 });
    const from = describeCalls();
    // wide rows are ~200 bytes: the 1,000 rows of two pages of 500 are more than the pipe and the
    // paused reader hold (~128 KiB), so writing them stops the listing before its third request;
    // the rows the first Ctrl-C leaves to write wait for the reader, and the second arrives meanwhile.
    const r = await run(['--owner', BULK_ACCOUNT, '-o', 'wide', '--page-size', '500'], async (child) => {
      await requestsSeen(from, 2);
      await sleep(1000); // the second page (300 ms away) arrives and its rows fill the pipe
      child.kill('SIGINT');
      await sleep(30);
      child.kill('SIGINT');
      await sleep(100);
    });
    expect([r.code, r.signal]).toEqual([130, null]);
    const err = lines(r.stderr);
    expect(err[0]).toBe('ami-find: interrupted');
    expect(err[1]).toMatch(/^hint: resume with: --starting-token \S+$/);
    expect(r.stdout.length).toBeGreaterThan(160 * 1024); // more than the pipe and the reader held: rows waited for the reader
  });
  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('when %s arrives mid-listing then the rows, the interrupted line and a token that resumes exactly remain', async (signal, exit) => {
    const args = ['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '100', '--max-items', '800'];
    const full = lines((await runBin(args, env)).stdout);
    server.setLatency({ fixedMs: 300 });
    const from = describeCalls();
    const r = await run(args, async (child) => {
      await requestsSeen(from, 3);
      child.kill(signal);
    });
    expect([r.code, r.signal]).toEqual([exit, null]);
    const err = lines(r.stderr);
    expect(err[0]).toBe(`ami-find: interrupted (${signal})`);
    const token = /^hint: resume with: --starting-token (\S+)$/.exec(err[1] ?? '')?.[1];
    expect(token).toBeDefined();
    const printed = lines(r.stdout);
    expect(printed.length).toBeGreaterThan(0);
    server.setLatency({});
    const rest = await runBin([...args.slice(0, -1), String(800 - printed.length), '--starting-token', token!], env);
    expect([...printed, ...lines(rest.stdout)]).toEqual(full);
  });
});

describe('--name-regex cannot hang a listing', () => {
  test('when the pattern backtracks catastrophically on a long name then the listing still ends at once', async () => {
    // A hang test, not a timing test: the backtracking engine would need 2^60 steps.
    const r = await runBin(['--owner', BULK_ACCOUNT, '--name-regex', '(a+)+$', '-o', 'ids'], env, { timeoutMs: 10_000 });
    expect([r.code, r.signal]).toEqual([0, null]);
    expect(lines(r.stdout)).toEqual([SHORT_A]);
  });
  test.each(['(a)\\1', 'ubuntu(?=-24)', '(?<!pro-)24', 'a{1001}'])('when the pattern is %s then it is refused in one line with exit 2 before any request', async (re) => {
    const from = describeCalls();
    const r = await runBin(['--owner', BULK_ACCOUNT, '--name-regex', re, '-o', 'ids'], env);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^ami-find: --name-regex '.*' cannot run in linear time: .* are not supported$/)]);
    expect(r.stdout).toBe('');
    expect(describeCalls()).toBe(from);
  });
});
