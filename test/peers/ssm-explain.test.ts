/** `--ssm --explain`: the AWS CLI lines it prints, run against the local endpoint, find the images `--ssm` prints. */
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { generateCatalogue } from '../ec2-local/catalogue/index.js';
import { localAwsEnv } from '../support/accounts.js';
import { requirePeer } from '../support/peers.js';
import { lines, runBin, runShell } from '../e2e/cli-support.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
let server: Ec2Local;

beforeAll(async () => {
  requirePeer('awsCli');
  server = await startEc2Local({ catalogue: generateCatalogue() });
});
afterAll(async () => { await server?.close(); });

/** The AWS CLI part of --explain's output, each describe-images line asked for IDs only and preceded by its region. */
async function runExplained(args: string[]): Promise<Map<string, string[]>> {
  const env = localAwsEnv(server.url);
  const before = server.requests.length;
  const explained = await runBin([...args, '--explain'], env);
  expect([explained.code, server.requests.length - before]).toEqual([0, 0]); // --explain sends nothing
  const out = lines(explained.stdout);
  const cli = out.slice(out.indexOf('# the same with the AWS CLI:') + 1);
  const script = cli.map((l) => (l.includes('aws ec2 describe-images')
    ? `echo "@\${region:-us-east-1}"; ${l.trim()} --query 'Images[].ImageId' --output text` : l)).join('\n');
  const r = await runShell(script, env, { timeoutMs: 120_000 });
  expect([r.code, r.stderr]).toEqual([0, '']);
  const found = new Map<string, string[]>();
  let region = '';
  for (const l of lines(r.stdout)) {
    if (l.startsWith('@')) { region = l.slice(1); found.set(region, []); continue; }
    found.get(region)!.push(...l.split(/\s+/).filter((w) => w !== ''));
  }
  return found;
}

test('when --ssm --explain names one region then its AWS CLI line finds the image --ssm prints', async () => {
  const found = await runExplained(['al2023', '--arch', 'arm64', '--ssm', '--region', 'us-east-1']);
  const ours = await runBin(['al2023', '--arch', 'arm64', '--ssm', '--region', 'us-east-1', '-o', 'ids'], localAwsEnv(server.url));
  expect([...found.entries()]).toEqual([['us-east-1', lines(ours.stdout)]]);
  expect(lines(ours.stdout)).toHaveLength(1);
}, 180_000);

test('when --ssm --explain names several regions then its loop finds, region by region, what --ssm prints', async () => {
  const found = await runExplained(['al2023', '--ssm', '--region', REGIONS.join(',')]);
  const ours = await runBin(['al2023', '--ssm', '--region', REGIONS.join(','), '-o', 'ids'], localAwsEnv(server.url));
  const mine = new Map(lines(ours.stdout).map((l) => { const [region, id] = l.split('\t'); return [region!, [id!]]; }));
  expect(new Map([...found].sort())).toEqual(new Map([...mine].sort()));
  expect(mine.size).toBe(REGIONS.length);
}, 180_000);
