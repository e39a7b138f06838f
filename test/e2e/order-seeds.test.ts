/**
 * ami-find does not depend on EC2's result order: the same query against two endpoints that differ
 * only in their order seed (and that make some pages short, the default) gives the same images in
 * every output format, and `--latest n` / `--sort` give the same answer up to ties (contract §4.3:
 * the order of the results, nested lists included, "might vary").
 */
import { generateCatalogue } from '../ec2-local/catalogue/generate.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, requireBuilt, runBin } from './cli-support.js';
import { sortNested } from '../ec2-local/conformance/support.js';
import type { Image } from '../../src/types.js';

let servers: Ec2Local[] = [];

beforeAll(async () => {
  requireBuilt();
  const catalogue = generateCatalogue({ images: 1500, seed: 'order-seeds' });
  servers = await Promise.all([11, 12].map((seed) => startEc2Local({ catalogue, order: { seed } })));
});
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });

/** stdout of the same ami-find command against both endpoints (exit 0 required). */
async function both(args: string[]): Promise<[string, string]> {
  const out = await Promise.all(servers.map(async (s) => {
    const r = await runBin([...args, '--page-size', '20'], localAwsEnv(s.url));
    if (r.code !== 0) throw new Error(`ami-find ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }));
  return [out[0]!, out[1]!];
}

const QUERY = ['--owner', 'amazon', '--include-deprecated'];
const sortedLines = (text: string) => lines(text).sort();
const byId = (a: Image, b: Image) => ((a.ImageId ?? '') < (b.ImageId ?? '') ? -1 : 1);

test('when the order seed differs then the listing order differs (the test can fail)', async () => {
  const [a, b] = await both([...QUERY, '-o', 'ids']);
  expect(lines(a).length).toBeGreaterThan(40);
  expect(lines(a)).not.toEqual(lines(b));
});

test.each(['ids', 'tsv', 'csv', 'table', 'wide'])('when -o %s lists the same query under two order seeds then the same rows print (header first)', async (format) => {
  const [a, b] = await both([...QUERY, '-o', format]);
  const header = format === 'ids' ? 0 : 1;
  const [ra, rb] = [lines(a), lines(b)];
  expect(ra.length).toBeGreaterThan(40);
  expect(ra.slice(0, header)).toEqual(rb.slice(0, header));
  expect(ra.slice(header).sort()).toEqual(rb.slice(header).sort());
});

test('when -o ndjson lists the same query under two order seeds then the same images print', async () => {
  const [a, b] = await both([...QUERY, '-o', 'ndjson']);
  const parse = (t: string) => lines(t).map((l) => sortNested(JSON.parse(l) as Image)).sort(byId);
  expect(parse(a).length).toBeGreaterThan(40);
  expect(parse(a)).toEqual(parse(b));
});

test('when -o json lists the same query under two order seeds then the same images print', async () => {
  const [a, b] = await both([...QUERY, '-o', 'json']);
  const parse = (t: string) => (JSON.parse(t) as { Images: Image[] }).Images.map(sortNested).sort(byId);
  expect(parse(a).length).toBeGreaterThan(40);
  expect(parse(a)).toEqual(parse(b));
});

/** [key, id] rows of `-o tsv --no-header --columns id,<column>`. */
async function keyed(args: string[], column: string): Promise<Array<[string, string][]>> {
  const out = await both([...args, '-o', 'tsv', '--no-header', '--columns', `id,${column}`]);
  return out.map((t) => lines(t).map((l) => { const [id, key] = l.split('\t'); return [key!, id!] as [string, string]; }));
}

test.each([
  ['creation-date', 'created', false],
  ['creation-date', 'created', true],
  ['name', 'name', false],
  ['image-id', 'id', true],
] as Array<[string, string, boolean]>)('when --sort %s (column %s, desc %s) lists under two order seeds then the keys come in the same order and the images are the same', async (sort, column, desc) => {
  const [a, b] = await keyed([...QUERY, '--sort', sort, ...(desc ? ['--desc'] : [])], column);
  expect(a.length).toBeGreaterThan(40);
  // Ties may come in either order; the sequence of keys and the set of images may not differ.
  expect(a.map(([k]) => k)).toEqual(b.map(([k]) => k));
  expect(a.map(([, id]) => id).sort()).toEqual(b.map(([, id]) => id).sort());
  const ties = new Set(a.map(([k]) => k)).size < a.length;
  if (!ties) expect(a).toEqual(b);
});

test.each([1, 3, 10])('when --latest %i lists under two order seeds then the same newest images print (up to ties at the cut)', async (n) => {
  const [a, b] = await keyed([...QUERY, '--latest', String(n)], 'created');
  expect(a.length).toBe(n);
  expect(a.map(([k]) => k)).toEqual(b.map(([k]) => k));
  // Images strictly newer than the oldest printed date are the same whatever the order.
  const cut = a[a.length - 1]![0];
  const newer = (rows: [string, string][]) => rows.filter(([k]) => k > cut).map(([, id]) => id).sort();
  expect(newer(a)).toEqual(newer(b));
});

test('when --latest runs with a preset under two order seeds then the same image wins', async () => {
  const [a, b] = await both(['ubuntu:24.04', '--latest', '-o', 'ids']);
  expect(sortedLines(a)).toHaveLength(1);
  expect(a).toBe(b);
});
