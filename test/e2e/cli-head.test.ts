/**
 * Issue 15 item 5: a reader that quits after the first line costs at most one request beyond the
 * first (its going shows only when the next rows are written), for ids as for table, whose
 * output now begins once its first page is laid out instead of after the last page.
 */
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { BULK_ACCOUNT } from '../ec2-local/fixtures/ids.js';
import { bulkImages } from '../ec2-local/fixtures/images.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, runShell } from './cli-support.js';

/** Four pages of the default 1000. */
const MANY = 4000;

let server: Ec2Local;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...bulkImages('f', MANY, 'head', '2020-01-01T00:00:00Z'));
  // Full pages: this counts requests, and a short or empty page (the endpoint's default policy) adds one.
  server = await startEc2Local({ catalogue, policy: { shortPageRate: 0 } });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server.close(); });
afterEach(() => { server.setLatency({}); });

function describeCalls(from: number): number {
  return server.requests.slice(from).filter((r) => r.action === 'DescribeImages').length;
}

describe('| head -1 (built bin, local endpoint)', () => {
  test.each(['ids', 'table', 'wide'])('when -o %s is read for one line then at most two of four pages are requested', async (format) => {
    // Latency: head has long gone when the second page's rows are written.
    server.setLatency({ fixedMs: 200 });
    const before = server.requests.length;
    const r = await runShell(`$AMI_FIND --owner ${BULK_ACCOUNT} -o ${format} | head -1; echo "ami-find exit: \${PIPESTATUS[0]}" >&2`, env);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stdout).toMatch(format === 'ids' ? /^ami-f[0-9a-f]{16}\n$/ : /^IMAGE ID +NAME /);
    expect(r.stderr).toBe('ami-find exit: 0\n');
    expect(describeCalls(before)).toBeLessThanOrEqual(2);
  });
});
