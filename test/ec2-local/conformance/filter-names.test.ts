/**
 * The endpoint's filter names (server/filter-names.ts) against their documented sources and against
 * ami-find's own vocabulary (src/query/vocabulary.ts). The endpoint does not import the vocabulary,
 * so a name ami-find gets wrong or lacks shows up here as a difference; every difference must be
 * explained in VOCABULARY_DIFFERENCES or the test fails.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FILTER_NAMES, TAG_FILTER_PREFIX } from '../../../src/query/vocabulary.js';
import { DOCUMENTED_FILTERS, ENDPOINT_FILTER_NAMES, TAG_PREFIX } from '../server/filter-names.js';
import { requirePeer } from '../../support/peers.js';

/** Names where ami-find's vocabulary may differ from the documented list, with why. None today. */
const VOCABULARY_DIFFERENCES: Record<string, string> = {};

/**
 * The filter names of a filter documentation text (HTML, as both models carry it): the `<code>name</code>`
 * opening each item of the outermost list, followed by a hyphen or en dash. Items of nested lists
 * (such as the severity values under scan-result.highest-finding-severity-label) are values, not names.
 */
export function documentedNames(html: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)ul>|<li>\s*(?:<p>)?\s*<code>([^<]*(?:<key>)?)<\/code>\s*[-\u2013]/g)) {
    if (m[2] === undefined) depth += m[1] === '/' ? -1 : 1;
    else if (depth === 1) names.push(m[2].replace('&lt;', '<').replace('&gt;', '>'));
  }
  return names;
}

/** The DescribeImagesRequest.Filters documentation of the installed botocore (python3 + boto3 peer). */
function botocoreFilterDoc(): string {
  requirePeer('boto3');
  const script = 'import botocore,os,json,gzip\n'
    + "p=os.path.join(os.path.dirname(botocore.__file__),'data','ec2','2016-11-15','service-2.json.gz')\n"
    + 'm=json.load(gzip.open(p))\n'
    + "print(json.dumps({'version':botocore.__version__,'doc':m['shapes']['DescribeImagesRequest']['members']['Filters']['documentation']}))";
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 could not read botocore's model: ${r.stderr}`);
  const { doc } = JSON.parse(r.stdout) as { version: string; doc: string };
  return doc;
}

/** The DescribeImagesRequest.Filters documentation of the installed @aws-sdk/client-ec2 type definitions. */
function jsSdkFilterDoc(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@aws-sdk/client-ec2/package.json'));
  const types = join(root, 'dist-types', 'models');
  for (const file of ['models_4.d.ts', 'models_3.d.ts', 'models_5.d.ts', 'models_0.d.ts', 'models_1.d.ts', 'models_2.d.ts']) {
    let text: string;
    try { text = readFileSync(join(types, file), 'utf8'); } catch { continue; }
    const start = text.indexOf('export interface DescribeImagesRequest {');
    if (start < 0) continue;
    const body = text.slice(start, text.indexOf('\n}', start));
    const filters = body.slice(body.indexOf('<p>The filters.</p>'), body.indexOf('Filters?:'));
    return filters.replace(/^\s*\*\s?/gm, ' ');
  }
  throw new Error('DescribeImagesRequest not found in @aws-sdk/client-ec2 dist-types');
}

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const TAG_FAMILY = `${TAG_PREFIX}<key>`;

test('when the endpoint list is compared with botocore\'s documentation then the names tagged botocore are exactly its list', () => {
  const documented = documentedNames(botocoreFilterDoc());
  expect(documented.length).toBeGreaterThan(30);
  const ours = ENDPOINT_FILTER_NAMES.filter((n) => DOCUMENTED_FILTERS[n] === 'botocore');
  expect(sorted(documented)).toEqual(sorted([...ours, TAG_FAMILY]));
});

test('when the endpoint list is compared with the JS SDK\'s documentation then every name is there, and the newer ones only there', () => {
  const documented = documentedNames(jsSdkFilterDoc());
  expect(sorted(documented)).toEqual(sorted([...ENDPOINT_FILTER_NAMES, TAG_FAMILY]));
  // The two sources differ by exactly the names tagged js-sdk: botocore 1.43.11 predates them.
  const botocore = new Set(documentedNames(botocoreFilterDoc()));
  expect(sorted(documented.filter((n) => !botocore.has(n))))
    .toEqual(sorted(ENDPOINT_FILTER_NAMES.filter((n) => DOCUMENTED_FILTERS[n] === 'js-sdk')));
});

test('when ami-find\'s vocabulary is compared with the endpoint\'s own list then every difference is explained', () => {
  const vocabulary = new Set<string>(FILTER_NAMES);
  const endpoint = new Set<string>(ENDPOINT_FILTER_NAMES);
  const differences = [...[...vocabulary].filter((n) => !endpoint.has(n)).map((n) => `only in ami-find: ${n}`),
    ...[...endpoint].filter((n) => !vocabulary.has(n)).map((n) => `only in the endpoint: ${n}`)];
  const unexplained = differences.filter((d) => VOCABULARY_DIFFERENCES[d.replace(/^only in [^:]+: /, '')] === undefined);
  expect(unexplained).toEqual([]);
  // An explanation for a name that no longer differs is stale.
  const stale = Object.keys(VOCABULARY_DIFFERENCES).filter((n) => vocabulary.has(n) === endpoint.has(n));
  expect(stale).toEqual([]);
  expect(TAG_FILTER_PREFIX).toBe(TAG_PREFIX);
});

test('when a name is dropped from one list then the comparison reports it (the check can fail)', () => {
  const vocabulary = FILTER_NAMES.filter((n) => n !== 'image-allowed');
  expect(ENDPOINT_FILTER_NAMES.filter((n) => !vocabulary.includes(n as never))).toEqual(['image-allowed']);
  expect(documentedNames('<ul><li><p><code>x-y</code> - a.</p><ul><li><p><code>low</code> - v</p></li></ul></li>'
    + '<li><p><code>tag:&lt;key&gt;</code> \u2013 b.</p></li></ul>')).toEqual(['x-y', 'tag:<key>']);
});
