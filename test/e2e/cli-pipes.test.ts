/**
 * ami-find as a Unix citizen: `| head -1` ends at once without fetching more pages, Ctrl-C stops
 * in-flight requests and exits 130 with a resume token, and a failure after some pages keeps what
 * was printed and says how to resume.
 */
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { BULK_ACCOUNT } from '../ec2-local/fixtures/ids.js';
import { bulkImages } from '../ec2-local/fixtures/images.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, runBin, runShell } from './cli-support.js';

/** Enough images that one 1000-image page overflows a 64 KiB pipe in ndjson. */
const MANY = 3000;

let server: Ec2Local;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...bulkImages('c', MANY, 'many', '2020-01-01T00:00:00Z'));
  server = await startEc2Local({ catalogue });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server.close(); });
afterEach(() => { server.setFaults({}); server.setLatency({}); });

function describeCalls(from: number): number {
  return server.requests.slice(from).filter((r) => r.action === 'DescribeImages').length;
}

describe('ami-find in pipelines and under signals (built bin, local endpoint)', () => {
  test('when the reader quits after one line then ami-find exits 0 quietly after a single request', async () => {
    const before = server.requests.length;
    const r = await runShell(`$AMI_FIND --owner ${BULK_ACCOUNT} -o ndjson | head -1; echo "ami-find exit: \${PIPESTATUS[0]}" >&2`, env);
    expect(lines(r.stdout).length).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveProperty('ImageId');
    expect(r.stderr).toBe('ami-find exit: 0\n');
    expect(describeCalls(before)).toBe(1);
  });
  test('when Ctrl-C arrives mid-listing then it exits 130 with a token that resumes exactly', async () => {
    const full = lines((await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', '400'], env)).stdout);
    server.setLatency({ fixedMs: 700 });
    let sent = false;
    const r = await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', '400'], env, {
      onStdout: (_chunk, child) => {
        if (!sent) { sent = true; setTimeout(() => child.kill('SIGINT'), 100); }
      },
    });
    expect(r.code).toBe(130);
    const err = lines(r.stderr);
    expect(err[0]).toBe('ami-find: interrupted');
    const token = /^hint: resume with: --starting-token (\S+)$/.exec(err[1] ?? '')?.[1];
    expect(token).toBeDefined();
    const printed = lines(r.stdout);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThan(400);
    server.setLatency({});
    const rest = await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', String(400 - printed.length),
      '--starting-token', token!], env);
    expect(rest.code).toBe(0);
    expect([...printed, ...lines(rest.stdout)]).toEqual(full);
  });
  test('when the listing fails after some pages then the printed rows stay and stderr says how to resume', async () => {
    const full = lines((await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', '200'], env)).stdout);
    server.setLatency({ fixedMs: 400 });
    let broke = false;
    const r = await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', '200', '--max-attempts', '1'], env, {
      onStdout: () => {
        if (!broke) { broke = true; server.setFaults({ failFirstAttempts: { count: 99, code: 'InternalError' } }); }
      },
    });
    server.setFaults({});
    server.setLatency({});
    expect(r.code).toBe(7);
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^ami-find: .*InternalError/);
    const token = /--starting-token (\S+)/.exec(err.at(-1) ?? '')?.[1];
    expect(token).toBeDefined();
    const printed = lines(r.stdout);
    expect(printed.length).toBeGreaterThan(0);
    const rest = await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '50', '--max-items', String(200 - printed.length),
      '--starting-token', token!], env);
    expect([...printed, ...lines(rest.stdout)]).toEqual(full);
  });
  test('when a JSON listing is interrupted then stdout is still one valid document carrying NextToken', async () => {
    server.setLatency({ fixedMs: 700 });
    let sent = false;
    const r = await runBin(['--owner', BULK_ACCOUNT, '-o', 'json', '--page-size', '20', '--max-items', '200'], env, {
      onStdout: (_chunk, child) => {
        if (!sent) { sent = true; setTimeout(() => child.kill('SIGINT'), 100); }
      },
    });
    expect(r.code).toBe(130);
    const doc = JSON.parse(r.stdout) as { Images: unknown[]; NextToken?: string };
    expect(doc.Images.length).toBeGreaterThan(0);
    expect(doc.NextToken).toEqual(expect.any(String));
  });
});
