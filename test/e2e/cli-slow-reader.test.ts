/**
 * Issue 15 item 1: every byte reaches a reader that starts late. A pipe holds 64 KiB; what does not
 * fit waits in the process, and must not be dropped when it exits. Each command's output through
 * a reader that starts a second late and pauses again near the end must equal the same command redirected to a file, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { BULK_ACCOUNT } from '../ec2-local/fixtures/ids.js';
import { bulkImages } from '../ec2-local/fixtures/images.js';
import { localAwsEnv } from '../support/accounts.js';
import { runShell } from './cli-support.js';

/** Enough images that every listing format overflows a 64 KiB pipe. */
const MANY = 5000;
const images = bulkImages('d', MANY, 'slow-reader', '2021-01-01T00:00:00Z', (n) => ({ Description: `image number ${n} for the slow reader` }));
const ids = images.map((i) => i.ImageId!);

let server: Ec2Local;
let env: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...images);
  server = await startEc2Local({ catalogue });
  env = localAwsEnv(server.url);
  dir = mkdtempSync(join(tmpdir(), 'ami-find-slow-reader-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const LISTING = ['--owner', BULK_ACCOUNT];
/**
 * Bytes a row takes in each format (near enough). Each listing ends with a page of ~10 KiB of rows:
 * more than the 5 KiB the pausing reader leaves room for, less than a stream's 16 KiB high-water
 * mark, so ami-find's last write neither fits in the pipe nor waits for 'drain' by itself: it is the
 * write an early exit drops.
 */
const ROW_BYTES = { table: 82, wide: 198, json: 1304, ndjson: 750, ids: 22, csv: 84, tsv: 84 } as const;
const listing = (f: keyof typeof ROW_BYTES) => [...LISTING, '--page-size', '1000',
  '--max-items', String((f === 'ids' ? 4000 : 1000) + Math.round(10_000 / ROW_BYTES[f])), '-o', f];
/** Each case: a name, its arguments, and whether its output is sure to overflow the pipe (so the case can fail). */
const CASES: [string, string[], boolean][] = [
  ...(Object.keys(ROW_BYTES) as (keyof typeof ROW_BYTES)[]).map((f): [string, string[], boolean] => [`find -o ${f}`, listing(f), true]),
  ['find --sort name -o json', [...LISTING, '--sort', 'name', '-o', 'json'], true],
  ['find --latest 2000 -o table', [...LISTING, '--latest', '2000', '-o', 'table'], true],
  ['show 60 ids -o json', ['show', ...ids.slice(0, 60), '-o', 'json'], true],
  ['show 120 ids', ['show', ...ids.slice(0, 120)], true],
  ['find --explain', [...LISTING, '--explain'], false],
  ['presets', ['presets'], false],
  ['completion bash', ['completion', 'bash'], false],
  ['completion zsh', ['completion', 'zsh'], false],
  ['completion fish', ['completion', 'fish'], false],
  ['--help', ['--help'], false],
  ['show --help', ['show', '--help'], false],
];

const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;

/** What is left to read when the reader pauses: a full pipe (64 KiB) and 5 KiB more. */
const LEFT = 69 * 1024;

/**
 * A reader that starts late, reads all but the last LEFT bytes (argv[2]: how many it reads first),
 * pauses 2 s, then reads the rest into the file argv[1]. Why the pause near the end: then the pipe
 * is full when ami-find writes its last chunk, and only waiting for that chunk keeps it.
 */
const LATE_READER = `${quote(process.execPath)} -e ${quote([
  "const fs = require('node:fs'); const b = Buffer.alloc(4096); const parts = []; let n; let got = 0;",
  'const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);',
  'const first = Number(process.argv[2]); pause(1000);',
  'while (got < first && (n = fs.readSync(0, b, 0, Math.min(b.length, first - got))) > 0) { parts.push(Buffer.from(b.subarray(0, n))); got += n; }',
  'pause(2000);',
  'while ((n = fs.readSync(0, b)) > 0) parts.push(Buffer.from(b.subarray(0, n)));',
  'fs.writeFileSync(process.argv[1], Buffer.concat(parts));',
].join(' '))}`;

describe('a reader that starts late gets every byte (built bin, local endpoint)', () => {
  test.each(CASES)('%s piped to a late reader equals its output to a file', async (name, args, big) => {
    const file = (s: string) => join(dir, `${name.replace(/[^a-z0-9]+/gi, '_')}.${s}`);
    const cmd = `$AMI_FIND ${args.map(quote).join(' ')}`;
    const d = await runShell(`${cmd} > ${quote(file('direct'))}`, env, { timeoutMs: 60_000 });
    expect(d.code).toBe(0);
    const direct = readFileSync(file('direct'));
    const r = await runShell(`${cmd} | ${LATE_READER} ${quote(file('piped'))} ${Math.max(0, direct.length - LEFT)}; exit \${PIPESTATUS[0]}`,
      env, { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const piped = readFileSync(file('piped'));
    if (big) expect(direct.length).toBeGreaterThan(64 * 1024);
    expect(piped.length).toBe(direct.length);
    expect(piped.equals(direct)).toBe(true);
  }, 60_000);
});
