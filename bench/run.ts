/**
 * `npm run bench`: ami-find against the limit (raw HTTP), the SDK's parser, boto3 and the AWS CLI,
 * on a local endpoint serving pre-rendered pages. Prints a table, writes bench/results/latest.json.
 * Commands whose times are compared run in rounds (measure.ts). Flags: --runs N (default 3),
 * --images N (default 100000), --big-images N (default 1000000, 0 skips), --big-runs N
 * (default 3), --no-peers (skip boto3 and the AWS CLI), --fan-out-only (only the fan-out scenario,
 * bench/fan-out.ts). Also --ssm against --latest for the al2023 preset, on the local endpoint with 300 ms per request.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localAwsEnv } from '../test/support/accounts.js';
import { measure, measureInterleaved, type RunSpec } from './measure.js';
import { startPageServer, type PageServer } from './page-server.js';
import { renderPages } from './render-pages.js';
import { FIRST_REQUEST, formatReport, type Row } from './report.js';
import { FAN_OUT, fanOutScenario } from './fan-out.js';

const PER_PAGE = 1000;
/** Latency per request of the --ssm scenario (every response, EC2 and SSM alike). */
const SSM_LATENCY_MS = 300;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const runs = flag('--runs', 3);
const images = flag('--images', 100_000);
const bigImages = flag('--big-images', 1_000_000);
// The median of several runs: single 1M runs vary by several MB of peak RSS.
const bigRuns = flag('--big-runs', 3);
const peers = !process.argv.includes('--no-peers');
const fanOutOnly = process.argv.includes('--fan-out-only');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'ami-find.js');
const node = process.execPath;

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

const amiFind = (server: PageServer, args: string[], extraEnv: Record<string, string> = {}): RunSpec =>
  ({ cmd: node, args: [bin, ...args], env: localAwsEnv(server.url, extraEnv), server });

type Add = (group: string, name: string, spec: RunSpec, n?: number) => Promise<void>;
type AddRounds = (group: string, named: readonly (readonly [string, RunSpec])[], n?: number) => Promise<void>;

/** The fan-out scenario: ami-find over 17 regions and one region alone in rounds, then the AWS CLI loop. */
async function fanOutRows(rows: Row[], addRounds: AddRounds, add: Add): Promise<void> {
  const { server, specs } = await fanOutScenario(node, bin);
  try {
    await addRounds(FAN_OUT.group, [[FAN_OUT.all, specs.all], [FAN_OUT.single, specs.single]], Math.max(runs, 5));
    if (peers && has('aws', ['--version'])) await add(FAN_OUT.group, FAN_OUT.awsLoop, specs.awsLoop);
    else rows.push({ group: FAN_OUT.group, name: FAN_OUT.awsLoop, ms: NaN, error: peers ? 'aws CLI not available' : 'skipped (--no-peers)', runs: [] });
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const pages = Math.ceil(images / PER_PAGE);
  process.stderr.write(`bench: rendering ${pages} pages of ${PER_PAGE} images...\n`);
  const rendered = renderPages(pages, PER_PAGE);
  const bytes = rendered.reduce((n, b) => n + b.length, 0);
  const server = await startPageServer({ templates: rendered });
  const rows: Row[] = [];
  const add = async (group: string, name: string, spec: RunSpec, n = runs) => {
    process.stderr.write(`bench: ${name}...\n`);
    try {
      rows.push({ group, name, ...(await measure(spec, n)) });
    } catch (e) {
      rows.push({ group, name, ms: NaN, error: String(e).slice(0, 300), runs: [] });
    }
  };
  /** Commands whose ratios are reported, run in rounds (measureInterleaved). */
  const addRounds = async (group: string, named: readonly (readonly [string, RunSpec])[], n = runs) => {
    process.stderr.write(`bench: ${named.map(([name]) => name).join(', ')} (in rounds)...\n`);
    try {
      const results = await measureInterleaved(named.map(([, spec]) => spec), n);
      named.forEach(([name], i) => rows.push({ group, name, ...results[i]! }));
    } catch (e) {
      for (const [name] of named) rows.push({ group, name, ms: NaN, error: String(e).slice(0, 300), runs: [] });
    }
  };
  try {
    await fanOutRows(rows, addRounds, add);
    if (!fanOutOnly) {
      const listing = `${images.toLocaleString('en')} images`;
      await addRounds(listing, [
        ['limit: raw HTTP, no decoding', { cmd: node, args: [join(root, 'dist', 'bench', 'raw-fetch.js'), server.url, String(pages)], server }],
        ['ami-find --output ids', amiFind(server, ['--output', 'ids'])],
        ['ami-find --output ndjson', amiFind(server, ['--output', 'ndjson'])],
        ['ami-find --output json', amiFind(server, ['--output', 'json'])],
        ['ami-find --output table --max-items 50', amiFind(server, ['--output', 'table', '--max-items', '50'])],
        ['ami-find --latest --allow-unsafe', amiFind(server, ['--latest', '--allow-unsafe'])],
      ]);
      await add(listing, 'ami-find --output ids --parser sdk', amiFind(server, ['--output', 'ids', '--parser', 'sdk']));
      if (peers && has('python3', ['-c', 'import boto3'])) {
        await add(listing, 'boto3 DescribeImages paginator', { cmd: 'python3', args: [join(root, 'bench', 'boto3_paginate.py'), server.url], env: localAwsEnv(server.url), server });
      } else rows.push({ group: listing, name: 'boto3 DescribeImages paginator', ms: NaN, error: peers ? 'boto3 not available' : 'skipped (--no-peers)', runs: [] });
      if (peers && has('aws', ['--version'])) {
        await add(listing, 'aws ec2 describe-images --output text', { cmd: 'aws', args: ['ec2', 'describe-images', '--endpoint-url', server.url, '--page-size', String(PER_PAGE), '--output', 'text', '--query', 'Images[].ImageId'], env: localAwsEnv(server.url), server });
      } else rows.push({ group: listing, name: 'aws ec2 describe-images --output text', ms: NaN, error: peers ? 'aws CLI not available' : 'skipped (--no-peers)', runs: [] });

      // The same minimal environment as every other run (localAwsEnv keeps PATH, HOME and LANG only).
      // Why it matters: an inherited NODE_EXTRA_CA_CERTS or NODE_OPTIONS slows every node start
      // (CA loading: ~90 ms on the dev box) and would inflate the baseline the ratios divide by.
      const startup = 'startup';
      const quiet = localAwsEnv(server.url);
      const startRuns = Math.max(runs * 3, 15);
      await addRounds(startup, [
        ['node -e 0', { cmd: node, args: ['-e', '0'], env: quiet }],
        ['ami-find --version', { cmd: node, args: [bin, '--version'], env: quiet }],
        ['ami-find --help', { cmd: node, args: [bin, '--help'], env: quiet }],
        [FIRST_REQUEST, amiFind(server, ['--output', 'ids', '--max-items', '1'])],
      ], startRuns);

      await ssmRounds(addRounds);

      if (bigImages > 0) {
        const bigPages = Math.ceil(bigImages / PER_PAGE);
        process.stderr.write(`bench: ${bigPages} pages from ${Math.min(pages, bigPages)} templates...\n`);
        const templates = renderPages(Math.min(pages, bigPages), PER_PAGE, Infinity);
        const big = await startPageServer({ templates, pages: bigPages });
        try {
          const group = `${bigImages.toLocaleString('en')} images`;
          await addRounds(group, [
            ['limit: raw HTTP, no decoding', { cmd: node, args: [join(root, 'dist', 'bench', 'raw-fetch.js'), big.url, String(bigPages)], server: big }],
            ['ami-find --output ids', amiFind(big, ['--output', 'ids'])],
            ['ami-find --output ndjson', amiFind(big, ['--output', 'ndjson'])],
            ['ami-find --output json', amiFind(big, ['--output', 'json'])],
          ], bigRuns);
        } finally {
          await big.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  const meta = {
    date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model,
    loadavgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100), runs, bigRuns, images, bigImages,
    pages, perPage: PER_PAGE, pageBytes: Math.round(bytes / pages), totalBytes: bytes,
  };
  const { text, summary } = formatReport(rows, { images, bigImages, fanOut: FAN_OUT });
  process.stdout.write(text);
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ meta, rows, summary }, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${join(out, 'latest.json')}\n`);
}

/** A preset's answer from its SSM pointer (--ssm) against --latest over its listing, 300 ms per request on the local endpoint. */
async function ssmRounds(addRounds: (group: string, named: readonly (readonly [string, RunSpec])[], n?: number) => Promise<void>): Promise<void> {
  const [{ startEc2Local }, { generateCatalogue }] = await Promise.all([
    import('../test/ec2-local/server/index.js'), import('../test/ec2-local/catalogue/generate.js'),
  ]);
  const endpoint = await startEc2Local({ catalogue: generateCatalogue({ seed: 'bench-ssm' }), latency: { fixedMs: SSM_LATENCY_MS }, policy: { shortPageRate: 0 } });
  const env = localAwsEnv(endpoint.url);
  const run = (args: string[]): RunSpec => ({ cmd: node, args: [bin, ...args, '--output', 'ids'], env });
  try {
    await addRounds(`al2023, ${SSM_LATENCY_MS} ms per request`, [
      ['ami-find al2023 --ssm', run(['al2023', '--ssm'])],
      ['ami-find al2023 --latest (with the cross-check)', run(['al2023', '--latest'])],
      ['the same listing without a preset (no cross-check)', run(['--owner', '137112412989', '--name', 'al2023-ami-2023.*-kernel-6.1-x86_64', '--arch', 'x86_64', '--latest'])],
    ]);
  } finally {
    await endpoint.close();
  }
}

await main();
