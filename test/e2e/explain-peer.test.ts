/**
 * `--explain` against the AWS CLI: the `aws ec2 describe-images ... --query ...`
 * line ami-find prints is run as printed against the local endpoint, and lists the same image IDs,
 * in the same order, as ami-find itself for --latest, --created-after/--created-before and --sort.
 * Where no --query equivalent exists (--name-regex) the explanation says so, and the AWS CLI line
 * then lists a superset. Needs the AWS CLI: fails (never skips) without it, as the other peer tests.
 */
import { requirePeer } from '../support/peers.js';
import { lines, runBin, runShell, useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint();
/** The AWS CLI starts a Python process per call (seconds each). */
const SLOW = 120_000;

beforeAll(() => requirePeer('awsCli'));

async function explained(args: string[]): Promise<{ text: string; line: string }> {
  const r = await runBin([...args, '--explain'], local.env);
  expect(r.code).toBe(0);
  const line = r.stdout.split('\n').find((l) => l.startsWith('aws ec2 describe-images '));
  if (!line) throw new Error(`no aws line in:\n${r.stdout}`);
  return { text: r.stdout, line };
}

async function cliIds(line: string): Promise<string[]> {
  // The line as printed, through a shell: its quoting is part of what is checked.
  const r = await runShell(line, local.env, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`${line}\nexited ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { Images: { ImageId: string }[] }).Images.map((i) => i.ImageId);
}

async function amiFindIds(args: string[]): Promise<string[]> {
  const r = await runBin([...args, '-o', 'ids'], local.env);
  if (r.code !== 0 && r.code !== 3) throw new Error(`ami-find ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return lines(r.stdout);
}

const CASES: [string, string[]][] = [
  ['--latest', ['--owner', 'amazon', '--include-deprecated', '--latest']],
  ['--latest 3', ['--owner', 'amazon', '--include-deprecated', '--latest', '3']],
  ['--created-after and --created-before', ['--include-deprecated', '--created-after', '2024-01-01', '--created-before', '2025-06-01']],
  ['--created-after with --latest 2', ['--owner', 'amazon', '--owner', 'self', '--created-after', '2023-06-01', '--latest', '2']],
  ['--sort creation-date --desc', ['--owner', 'amazon', '--include-deprecated', '--sort', 'creation-date', '--desc']],
  ['--sort image-id', ['--include-deprecated', '--sort', 'image-id']],
  ['--latest 4 --sort architecture', ['--owner', 'amazon', '--include-deprecated', '--latest', '4', '--sort', 'architecture']],
];

test.each(CASES)('when %s is explained then the AWS CLI line lists what ami-find lists, in the same order', async (_name, args) => {
  const { text, line } = await explained(args);
  expect(line).toContain(' --query ');
  expect(text).not.toMatch(/no --query equivalent/);
  const expected = await amiFindIds(args);
  expect(expected.length).toBeGreaterThan(args.includes('--latest') ? 0 : 1);
  expect(await cliIds(line)).toEqual(expected);
}, SLOW);

test('when --name-regex is explained then it says there is no --query equivalent, and the AWS CLI lists a superset', async () => {
  const args = ['--owner', 'amazon', '--include-deprecated', '--name-regex', 'arm64$', '--created-after', '2020-01-01'];
  const { text, line } = await explained(args);
  expect(text).toMatch(/^# {3}--name-regex: keep images whose name matches the JavaScript regular expression arm64\$$/m);
  expect(text).toMatch(/^# --name-regex has no --query equivalent/m);
  const expected = await amiFindIds(args);
  const listed = await cliIds(line);
  expect(expected.length).toBeGreaterThan(0);
  expect(listed.length).toBeGreaterThan(expected.length);
  for (const id of expected) expect(listed).toContain(id);
}, SLOW);
