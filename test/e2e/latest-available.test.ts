/**
 * `--latest` answers with an image you can launch: DescribeImages lists every state, and a build
 * still pending (or failed) is often the newest. The fixture's newest own image is
 * `my-app-2.0.0-building` (pending); `--latest` skips it unless a --filter names the state.
 */
import { FIXTURE_NOW, fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { IDS } from '../ec2-local/fixtures/ids.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, requireBuilt, runBin } from './cli-support.js';

let server: Ec2Local;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  requireBuilt();
  server = await startEc2Local({ catalogue: fixtureCatalogue(), policy: { now: () => FIXTURE_NOW } });
  env = localAwsEnv(server.url);
});
afterAll(async () => { await server.close(); });

test('when the newest own image is pending then --latest answers the newest available one, and says so in --explain', async () => {
  const all = await runBin(['--owner', 'self', '-o', 'ids', '--sort', 'creation-date', '--desc'], env);
  expect(lines(all.stdout)[0]).toBe(IDS.pending); // the listing itself shows every state
  const latest = await runBin(['--owner', 'self', '--latest', '-o', 'tsv', '--no-header', '--columns', 'id,state'], env);
  expect(latest.code).toBe(0);
  expect(latest.stdout).not.toContain(IDS.pending);
  expect(latest.stdout).toMatch(/^ami-[0-9a-f]+\tavailable\n$/);
  const explained = await runBin(['--owner', 'self', '--latest', '--explain'], env);
  expect(explained.stdout).toContain('Name=state,Values=available');
});

test('when a --filter names the state then --latest keeps it', async () => {
  const r = await runBin(['--owner', 'self', '--latest', '--filter', 'state=pending', '-o', 'ids'], env);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`${IDS.pending}\n`);
});
