/**
 * The interactive finder end to end: the built binary in a real pseudo-terminal (tmux) against the
 * local endpoint. Keys in, screen captured, the chosen ID alone on stdout; Esc steps back; Ctrl-C
 * exits 130 with the terminal restored; without a terminal -i is a usage error.
 */
import type { Image } from '../../src/types.js';
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { Catalogue } from '../ec2-local/types.js';
import { localAwsEnv, SELF_ACCOUNT } from '../support/accounts.js';
import { requireBuilt, runBin } from './cli-support.js';
import { requireTmux, TmuxRun } from './picker-tmux.js';
import { parse as parseHcl } from '@cdktf/hcl2json';

let server: Ec2Local;
let catalogue: Catalogue;
const runs: TmuxRun[] = [];

beforeAll(async () => {
  requireBuilt();
  requireTmux();
  catalogue = generateCatalogue({ images: 3000, seed: 'picker' });
  server = await startEc2Local({ catalogue });
});
afterEach(() => {
  for (const r of runs.splice(0)) r.close();
  server.setLatency({});
  server.setPolicy({});
});
afterAll(async () => {
  await server?.close();
});

function start(args: string[], size?: { cols: number; rows: number }, shellLine?: (cmd: string, out: string) => string): TmuxRun {
  const run = new TmuxRun(args, localAwsEnv(server.url), size, shellLine);
  runs.push(run);
  return run;
}

/** Non-deprecated public images in us-east-1 matching, newest first: what the picker should list. */
function listed(pred: (i: Image) => boolean): Image[] {
  const now = Date.now();
  return catalogue.images
    .filter((i) => i.Region === 'us-east-1' && i.Public && i.State === 'available' && pred(i))
    .filter((i) => !i.DeprecationTime || Date.parse(i.DeprecationTime) > now)
    .sort((a, b) => Date.parse(b.CreationDate!) - Date.parse(a.CreationDate!));
}

const nobleArm = (i: Image) => i.OwnerId === '099720109477' && i.Architecture === 'arm64'
  && /^ubuntu\/images\/hvm-ssd-gp3\/ubuntu-noble-24\.04-arm64-server-\d{8}(\.\d+)?$/.test(i.Name ?? '');

test('when -o terraform is given then Enter hands back the chosen image as a pinned Terraform local', async () => {
  const expected = listed(nobleArm);
  const t = start(['-i', 'ubuntu:24.04', '--arch', 'arm64', '-o', 'terraform']);
  await t.waitFor((s) => s.includes(`> ${expected[0]!.ImageId}`) && !s.includes('loading'));
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  const id = expected[0]!.ImageId!;
  expect((await parseHcl('picked.tf', done.stdout) as { locals: unknown[] }).locals[0]).toEqual({ [`${id.replace('-', '_')}_ami_id`]: id });
  expect(done.stdout).toContain(`# Reproduce: ami-find --image-id ${id} --region us-east-1 -o terraform --pin`);
});

test('when a preset and arm64 are picked and Enter pressed then the newest image ID alone is on stdout', async () => {
  const expected = listed(nobleArm);
  expect(expected.length).toBeGreaterThan(1);
  const t = start(['-i']);
  await t.waitFor(/what to search/);
  t.type('noble');
  await t.waitFor(/^> Ubuntu 24\.04 LTS/m);
  t.keys('Enter');
  await t.waitFor(/Ubuntu 24\.04 LTS › architecture/);
  t.keys('Down', 'Enter');
  const screen = await t.waitFor((s) => s.includes(`> ${expected[0]!.ImageId}`) && !s.includes('loading'));
  expect(screen).toContain('ami-find › Ubuntu 24.04 LTS › arm64');
  expect(screen).toMatch(new RegExp(`${expected.length} images`));
  // Newest first: the rows appear in the catalogue's creation order.
  const rows = screen.split('\n').filter((l) => /^[> ] ami-/.test(l)).map((l) => l.slice(2, 23));
  expect(rows).toEqual(expected.slice(0, rows.length).map((i) => i.ImageId));
  for (const l of screen.split('\n').filter((x) => /^[> ] ami-/.test(x))) expect(l).toContain('Canonical');
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(done.stdout).toBe(`${expected[0]!.ImageId}\n`);
  expect(done.sttyRestored).toBe(true);
});

test('when selection flags are given then the picker lists only the images they keep', async () => {
  const all = listed(nobleArm);
  expect(all.length).toBeGreaterThan(2);
  // Everything but the newest image: --created-before the newest one's creation time (exclusive).
  const expected = all.slice(1);
  const t = start(['-i', 'ubuntu:24.04', '--arch', 'arm64', '--created-before', all[0]!.CreationDate!]);
  const screen = await t.waitFor((s) => s.includes('ami-find › Ubuntu 24.04 LTS › arm64') && /\d+ images/.test(s) && !s.includes('loading'));
  expect(screen).toMatch(new RegExp(`${expected.length} images`));
  expect(screen).not.toContain(all[0]!.ImageId!);
  expect(screen).toContain(`> ${expected[0]!.ImageId}`);
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(done.stdout).toBe(`${expected[0]!.ImageId}\n`);
});

test('when text is typed in the list then it narrows, Tab shows details and Esc returns', async () => {
  const expected = listed(nobleArm);
  const target = expected[expected.length - 1]!;
  const t = start(['-i', 'ubuntu:24.04', '--arch', 'arm64']);
  await t.waitFor((s) => s.includes('ami-find › Ubuntu 24.04 LTS › arm64') && s.includes(`${expected.length} images`));
  t.type(target.ImageId!.slice(4, 12));
  await t.waitFor(new RegExp(`^> ${target.ImageId}`, 'm'));
  t.keys('Tab');
  const details = await t.waitFor(/› details/);
  expect(details).toContain(`${target.ImageId}  ${target.Name}`);
  expect(details).toMatch(/Owner\s+099720109477 \(Canonical\)/);
  expect(details).toMatch(/Architecture\s+arm64/);
  t.keys('Escape');
  await t.waitFor((s) => !s.includes('› details') && s.includes(`> ${target.ImageId}`));
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(done.stdout).toBe(`${target.ImageId}\n`);
});

test('when Esc is pressed on each step then it goes back, and on the first step it exits 130 with nothing on stdout', async () => {
  const t = start(['-i']);
  await t.waitFor(/what to search/);
  t.type('debian 12');
  t.keys('Enter');
  await t.waitFor(/Debian 12 › architecture/);
  t.keys('Enter');
  await t.waitFor(/ami-find › Debian 12 › x86_64/);
  t.keys('Escape');
  await t.waitFor(/Debian 12 › architecture/);
  t.keys('Escape');
  await t.waitFor(/what to search/);
  t.keys('Escape');
  const done = await t.finished();
  expect(done.code).toBe(130);
  expect(done.stdout).toBe('');
  expect(done.sttyRestored).toBe(true);
});

test('when Ctrl-C is pressed while pages stream in then it exits 130 and restores the terminal', async () => {
  server.setLatency({ fixedMs: 400 });
  const t = start(['-i', '--owner', '099720109477', '--page-size', '5']);
  await t.waitFor(/page 2 · loading…/);
  t.keys('C-c');
  const done = await t.finished();
  expect(done.code).toBe(130);
  expect(done.stdout).toBe('');
  expect(done.sttyRestored).toBe(true);
  // The alternate screen was left: no part of the picker's last frame is on the terminal.
  expect(t.screen()).not.toMatch(/Ctrl-C quit|filter: |IMAGE ID/);
});

test('when pages arrive slowly then the list fills in page by page with its progress shown', async () => {
  server.setLatency({ fixedMs: 300 });
  // Full pages, so the counts after each page are known.
  server.setPolicy({ shortPageRate: 0 });
  const t = start(['-i', '--owner', '099720109477', '--page-size', '5']);
  const first = await t.waitFor(/ 5 images · page 1 · loading…/);
  expect(first.split('\n').filter((l) => /^[> ] ami-/.test(l))).toHaveLength(5);
  await t.waitFor(/ 10 images · page 2 · loading…/);
  t.keys('Escape');
  await t.waitFor(/what to search/);
  t.keys('C-c');
  expect((await t.finished()).code).toBe(130);
});

test('when query flags are given then the picker opens on their list (my images with a tag)', async () => {
  const team = (i: Image) => i.Tags?.find((t) => t.Key === 'team')?.Value;
  const mine = catalogue.images.filter((i) => i.OwnerId === SELF_ACCOUNT && i.Region === 'us-east-1' && i.State !== 'disabled');
  const value = team(mine.find((i) => team(i))!)!;
  const tagged = mine.filter((i) => team(i) === value).map((i) => i.ImageId);
  expect(tagged.length).toBeGreaterThan(0);
  const t = start(['-i', '--owner', 'self', '--tag', `team=${value}`]);
  const screen = await t.waitFor((s) => s.includes(`ami-find › owner self  tag:team=${value}`) && /\d+ images · page \d+\s*$/m.test(s));
  expect(screen).toContain(`${tagged.length} images`);
  const rows = screen.split('\n').filter((l) => /^[> ] ami-/.test(l));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(tagged).toContain(r.slice(2, 23));
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(tagged.map((id) => `${id}\n`)).toContain(done.stdout);
});

test('when used as AMI=$(ami-find -i ...) then the variable holds exactly the chosen ID', async () => {
  const expected = listed(nobleArm);
  const t = start(['-i', 'ubuntu:24.04', '--arch', 'arm64'], undefined, (cmd, out) => `AMI=$(${cmd}); rc=$?; printf '%s' "$AMI" > '${out}'; (exit $rc)`);
  await t.waitFor((s) => s.includes(`> ${expected[0]!.ImageId}`));
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(done.stdout).toBe(expected[0]!.ImageId);
});

test('when ami-find runs with no arguments at a terminal then the picker opens', async () => {
  const t = start([]);
  await t.waitFor(/what to search/);
  t.keys('C-c');
  const done = await t.finished();
  expect(done.code).toBe(130);
  expect(done.stdout).toBe('');
  expect(done.sttyRestored).toBe(true);
});

test('when -i runs without a terminal then it is a usage error at once, not a hang', async () => {
  const r = await runBin(['-i'], localAwsEnv(server.url), { timeoutMs: 10_000 });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/needs a terminal/);
});

test('when Ctrl-R picks another region then the list shows that region and its images, and the chosen ID is from it', async () => {
  const inEu = catalogue.images.filter((i) => i.Region === 'eu-west-1' && i.Public && i.State === 'available' && nobleArm(i))
    .filter((i) => !i.DeprecationTime || Date.parse(i.DeprecationTime) > Date.now())
    .sort((a, b) => Date.parse(b.CreationDate!) - Date.parse(a.CreationDate!));
  expect(inEu.length).toBeGreaterThan(0);
  const t = start(['-i', 'ubuntu:24.04', '--arch', 'arm64', '--region', 'us-east-1,eu-west-1']);
  await t.waitFor((s) => /us-east-1 · \d+ images/.test(s) && !s.includes('loading'));
  t.keys('C-r');
  await t.waitFor(/region to list/);
  t.type('eu-west-1');
  t.keys('Enter');
  const screen = await t.waitFor((s) => s.includes(`eu-west-1 · ${inEu.length} image`) && !s.includes('loading'));
  expect(screen).toContain(`> ${inEu[0]!.ImageId}`);
  t.keys('Enter');
  const done = await t.finished();
  expect(done.code).toBe(0);
  expect(done.stdout).toBe(`${inEu[0]!.ImageId}\n`);
});
