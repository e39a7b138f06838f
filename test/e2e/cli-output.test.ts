/**
 * Every flag and output format of the built ami-find against the local endpoint's fixture catalogue:
 * stdout carries exactly the data, requests carry exactly the query.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ec2Local } from '../ec2-local/server/index.js';
import { BULK_COUNT } from '../ec2-local/fixtures/catalogue.js';
import { startFixtureServer } from '../ec2-local/fixtures/server.js';
import { BULK_ACCOUNT, CANONICAL_ACCOUNT, IDS, bulkId } from '../ec2-local/fixtures/ids.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, runBin } from './cli-support.js';

let server: Ec2Local;
let env: NodeJS.ProcessEnv;
let west: NodeJS.ProcessEnv;

/** Bulk images (us-west-2) public and visible by default: not deprecated (every 4th is) and not private (every 10th). */
const visibleBulk = Array.from({ length: BULK_COUNT }, (_, n) => n).filter((n) => n % 4 !== 3 && n % 10 !== 9);

beforeAll(async () => {
  server = await startFixtureServer();
  env = localAwsEnv(server.url);
  west = localAwsEnv(server.url, { AWS_REGION: 'us-west-2' });
});
afterAll(async () => { await server.close(); });

/** Requests the server received while `fn` ran. */
async function requestsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; params: Record<string, string>[] }> {
  const before = server.requests.length;
  const result = await fn();
  return { result, params: server.requests.slice(before).filter((r) => r.action === 'DescribeImages').map((r) => r.params) };
}

async function ok(args: string[], e = env): Promise<string> {
  const r = await runBin(args, e);
  if (r.code !== 0) throw new Error(`ami-find ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe('ami-find output formats and flags (built bin, local endpoint)', () => {
  test('when stdout is not a terminal and no format is given then it prints tsv without a header', async () => {
    const out = await ok(['--owner', BULK_ACCOUNT], west);
    const rows = lines(out);
    expect(rows.length).toBe(visibleBulk.filter((n) => n % 10 !== 9).length);
    expect(rows[0]!.split('\t')[0]).toMatch(/^ami-/);
  });
  test('when -o ids is used then stdout is exactly the image IDs, one per line', async () => {
    const ids = lines(await ok(['--owner', BULK_ACCOUNT, '-o', 'ids'], west)).sort();
    expect(ids).toEqual(visibleBulk.map(bulkId).sort());
  });
  test('when -o json is used then it is the AWS CLI shape and jq-style access works', async () => {
    const doc = JSON.parse(await ok(['--owner', BULK_ACCOUNT, '-o', 'json'], west)) as { Images: { ImageId: string }[]; NextToken?: string };
    expect(doc.NextToken).toBeUndefined();
    expect(doc.Images.map((i) => i.ImageId).sort()).toEqual(visibleBulk.map(bulkId).sort());
  });
  test('when -o json has no match then it is still valid JSON with an empty list and exit 3', async () => {
    const r = await runBin(['--owner', 'self', '--name', 'no-such-*', '-o', 'json'], env);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual({ Images: [] });
  });
  test('when -o ndjson is used then every line is one JSON image', async () => {
    const out = lines(await ok(['--owner', 'amazon', '-o', 'ndjson'], env));
    for (const l of out) expect(JSON.parse(l)).toHaveProperty('ImageId');
    expect(out.map((l) => (JSON.parse(l) as { ImageId: string }).ImageId)).toContain(IDS.al2023x86);
  });
  test('when -o csv and -o tsv are used then a header of column ids comes first', async () => {
    expect(lines(await ok(['--owner', 'amazon', '-o', 'csv'], env))[0]).toBe('id,name,owner,arch,created,deprecated');
    expect(lines(await ok(['--owner', 'amazon', '-o', 'tsv'], env))[0]).toBe('id\tname\towner\tarch\tcreated\tdeprecated');
  });
  test('when --columns and --no-header are given then only those columns print', async () => {
    const out = lines(await ok(['--image-id', IDS.al2023arm, '-o', 'csv', '--columns', 'id,arch', '--no-header'], env));
    expect(out).toEqual([`${IDS.al2023arm},arm64`]);
  });
  test('when -o table and -o wide are used then a header row and aligned rows print, without colour under NO_COLOR', async () => {
    const table = await ok(['--owner', 'amazon', '-o', 'table'], env);
    expect(lines(table)[0]).toMatch(/^IMAGE ID\s+NAME/);
    expect(table).not.toMatch(/\u001b\[/);
    const wide = await ok(['--owner', 'amazon', '-o', 'wide'], env);
    expect(lines(wide)[0]).toMatch(/STATE/);
  });
  test('when FORCE_COLOR is set then the table is coloured; --no-color turns it off again', async () => {
    const e: NodeJS.ProcessEnv = { ...env, FORCE_COLOR: '1' };
    delete e.NO_COLOR;
    expect(await ok(['--owner', 'amazon', '-o', 'table'], e)).toMatch(/\u001b\[/);
    expect(await ok(['--owner', 'amazon', '-o', 'table', '--no-color'], e)).not.toMatch(/\u001b\[/);
    expect(await ok(['--owner', 'amazon', '-o', 'ids'], e)).not.toMatch(/\u001b\[/); // machine formats never
  });
  test('when --page-size is given then every request sends it as MaxResults', async () => {
    const { params } = await requestsDuring(() => ok(['--owner', BULK_ACCOUNT, '--page-size', '7', '-o', 'ids'], west));
    // At least ceil(n / 7) pages: the endpoint makes some pages short, as EC2 may (contract §4.2).
    expect(params.length).toBeGreaterThanOrEqual(Math.ceil(visibleBulk.length / 7));
    for (const p of params) expect(p.MaxResults).toBe('7');
  });
  test('when no page size is given then MaxResults is 1000, never unpaginated', async () => {
    const { params } = await requestsDuring(() => ok(['--owner', 'self', '-o', 'ids'], env));
    expect(params[0]!.MaxResults).toBe('1000');
  });
  test('when --image-id is given then no MaxResults is sent', async () => {
    const { result, params } = await requestsDuring(() => ok(['--image-id', `${IDS.al2023x86},${IDS.windows}`, '-o', 'ids'], env));
    expect(lines(result).sort()).toEqual([IDS.al2023x86, IDS.windows].sort());
    expect(params[0]!.MaxResults).toBeUndefined();
    expect([params[0]!['ImageId.1'], params[0]!['ImageId.2']]).toEqual([IDS.al2023x86, IDS.windows]);
  });
  test('when --max-items and --starting-token chain then the pages join to the full listing', async () => {
    const all = lines(await ok(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '5'], west));
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 40; i++) {
      const r = await runBin(['--owner', BULK_ACCOUNT, '-o', 'ids', '--page-size', '5', '--max-items', '7',
        ...(token ? ['--starting-token', token] : [])], west);
      expect(r.code).toBe(0);
      seen.push(...lines(r.stdout));
      token = /--starting-token (\S+)/.exec(r.stderr)?.[1];
      if (!token) break;
    }
    // The same images once each; the order of two listings is EC2's and may differ (contract §4.3).
    expect([...seen].sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
  test('when --max-items cuts a JSON listing then the token is NextToken in the document, not on stderr', async () => {
    const r = await runBin(['--owner', BULK_ACCOUNT, '-o', 'json', '--page-size', '5', '--max-items', '3'], west);
    const doc = JSON.parse(r.stdout) as { Images: unknown[]; NextToken?: string };
    expect(doc.Images.length).toBe(3);
    expect(JSON.parse(Buffer.from(doc.NextToken!, 'base64').toString())).toEqual({ NextToken: null, boto_truncate_amount: 3 });
    expect(r.stderr).toBe('');
  });
  test('when --latest n is given with an owner then the n newest images print, newest first', async () => {
    const newest = [...visibleBulk].sort((a, b) => b - a).slice(0, 2).map(bulkId);
    expect(lines(await ok(['--owner', BULK_ACCOUNT, '--latest', '2', '-o', 'ids'], west))).toEqual(newest);
  });
  test('when a preset is used with --latest then the publisher pinned by the preset wins over a look-alike', async () => {
    const out = lines(await ok(['ubuntu:24.04', '--latest', '-o', 'tsv', '--no-header', '--columns', 'id,owner'], env));
    expect(out).toEqual([`${IDS.ubuntuNoble}\t${CANONICAL_ACCOUNT}`]);
  });
  test('when --sort name --desc is given then names come out in descending version-aware order', async () => {
    const names = lines(await ok(['--owner', BULK_ACCOUNT, '--sort', 'name', '--desc', '-o', 'tsv', '--no-header', '--columns', 'name'], west));
    expect(names).toEqual(visibleBulk.map((n) => `bulk-${String(n).padStart(3, '0')}`).sort().reverse());
  });
  test('when --name-regex and creation dates are given then only those images print', async () => {
    const out = lines(await ok(['--owner', BULK_ACCOUNT, '--name-regex', '^bulk-00[0-4]$', '--created-after', '2024-01-02',
      '--created-before', '2024-01-05', '-o', 'ids'], west));
    // after is inclusive, before exclusive (bulk-004 is created 2024-01-05); bulk-003 is deprecated
    expect(out.sort()).toEqual([1, 2].filter((n) => visibleBulk.includes(n)).map(bulkId).sort());
  });
  test('when --arch, --filter and --tag are given then they reach EC2 as filters', async () => {
    const { result, params } = await requestsDuring(() => ok(['--owner', 'self', '--tag', 'Env=prod', '-o', 'ids'], env));
    expect(lines(result)).toEqual([IDS.selfPrivate]);
    expect(params[0]).toMatchObject({ 'Filter.1.Name': 'tag:Env', 'Filter.1.Value.1': 'prod' });
    const arm = lines(await ok(['--owner', BULK_ACCOUNT, '--arch', 'arm64', '--filter', 'name=bulk-00*', '-o', 'ids'], west));
    expect(arm.sort()).toEqual([1, 5].map(bulkId).sort());
  });
  test('when --include-deprecated is given then deprecated images appear', async () => {
    const out = lines(await ok(['--owner', BULK_ACCOUNT, '--include-deprecated', '-o', 'ids'], west));
    expect(out).toContain(bulkId(3));
  });
  test('when only deprecated images match then exit 3 and stderr says how many and what to add', async () => {
    const r = await runBin(['--owner', BULK_ACCOUNT, '--name', 'bulk-003'], west);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ami-find: no image matched; 1 deprecated image matches: use --include-deprecated\n');
  });
  test('when only deprecated images match with -o ids (a projected listing) then the hint still counts them', async () => {
    const r = await runBin(['--owner', BULK_ACCOUNT, '--name', 'bulk-003', '-o', 'ids'], west);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ami-find: no image matched; 1 deprecated image matches: use --include-deprecated\n');
  });
  test('when --include-disabled and --executable-user are given then they reach EC2', async () => {
    const { params } = await requestsDuring(() => ok(['--owner', 'self', '--include-disabled', '--executable-user', 'self', '-o', 'ids'], env)
      .catch(() => ''));
    expect(params[0]).toMatchObject({ IncludeDisabled: 'true', 'ExecutableBy.1': 'self', 'Owner.1': 'self' });
  });
  test('when --explain is given then it prints the request and the aws CLI line and sends nothing', async () => {
    const { result, params } = await requestsDuring(() => ok(['ubuntu:24.04', '--arch', 'arm64', '--latest', '--explain'], env));
    expect(params).toEqual([]);
    expect(result).toMatch(/Action=DescribeImages/);
    expect(result).toMatch(/aws ec2 describe-images --owners 099720109477/);
  });
  test('when show is asked for an image then the details print; -o json gives the raw object', async () => {
    expect(await ok(['show', IDS.windows], env)).toMatch(/Windows_Server-2025/);
    const doc = JSON.parse(await ok(['show', IDS.windows, '-o', 'json'], env)) as { Images: { ImageId: string }[] };
    expect(doc.Images.map((i) => i.ImageId)).toEqual([IDS.windows]);
  });
  test('when presets and completion are asked for then they print without touching EC2', async () => {
    const { result, params } = await requestsDuring(async () => [await ok(['presets'], env), await ok(['completion', 'bash'], env)]);
    expect(params).toEqual([]);
    expect(result[0]).toMatch(/ubuntu:24\.04/);
    expect(result[1]).toMatch(/complete/);
  });
  test('when --version or --help run then the AWS SDK is never loaded', async () => {
    // Hooks that fail any load of the SDK: the installed @aws-sdk packages (require and import), src/aws
    // (import), and the built bundle dist/sdk/aws-sdk.cjs, which src/aws reads with readFileSync.
    // --help must still succeed, and a listing (the control) must not.
    const dir = mkdtempSync(join(tmpdir(), 'ami-find-nosdk-'));
    const cjs = join(dir, 'no-sdk.cjs');
    writeFileSync(cjs, [
      'const Module = require("node:module");',
      'const load = Module._load;',
      'Module._load = function (request, ...rest) { if (/@aws-sdk|aws-sdk\\.cjs/.test(String(request))) throw new Error("SDK loaded: " + request); return load.call(this, request, ...rest); };',
      // The bundle is required: Node reads it with fs.readFileSync.
      'const fs = require("node:fs");',
      'const read = fs.readFileSync;',
      'fs.readFileSync = function (path, ...rest) { if (String(path).includes("aws-sdk.cjs")) throw new Error("SDK loaded: " + path); return read.call(this, path, ...rest); };',
      'Module.syncBuiltinESMExports();',
    ].join('\n'));
    const esm = 'data:text/javascript,' + encodeURIComponent(
      'import { register } from "node:module";'
      + 'register("data:text/javascript," + encodeURIComponent("export async function resolve(s, c, n) { if (s.includes(\\"@aws-sdk\\") || /(^|\\\\/)aws\\\\//.test(s)) throw new Error(\\"SDK loaded: \\" + s); return n(s, c); }"));');
    const nodeArgs = ['--require', cjs, '--import', esm];
    try {
      for (const args of [['--help'], ['--version'], ['completion', 'zsh'], ['presets']]) {
        const r = await runBin(args, env, { nodeArgs });
        expect([args, r.code, r.stderr]).toEqual([args, 0, '']);
      }
      const control = await runBin(['--owner', 'self'], env, { nodeArgs });
      expect(control.code).not.toBe(0);
      expect(control.stderr).toMatch(/SDK loaded: .*aws/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
