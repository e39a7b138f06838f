/** The benchmark table and the targets, computed from the measured rows. */

/** One measured command (medians). */
export interface Row {
  group: string;
  name: string;
  ms: number;
  rssMb?: number;
  firstRequestMs?: number;
  runs: number[];
  error?: string;
}

export interface ReportContext {
  latencyMs: number;
  latencyPages: number;
  images: number;
  bigImages: number;
}

/**
 * The start-up row whose time to the first request is compared with `node -e 0`: measured in the
 * same rounds as `node -e 0`, 15 times, because this machine drifts over a minute (a listing's own
 * first-request time is a median of 3, minutes away from the baseline).
 */
export const FIRST_REQUEST = 'ami-find --output ids --max-items 1';

/** One target of issue 6: the measured value, the bound and whether it was met. */
export interface Check {
  target: string;
  value: number | undefined;
  limit: number;
  met: boolean | undefined;
}

const fmt = (x: number | undefined, digits = 0) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));

/** The printed table and the target checks. */
export function formatReport(rows: Row[], ctx: ReportContext): { text: string; summary: Check[] } {
  const find = (group: string, name: string) => rows.find((r) => r.group === group && r.name === name && !r.error);
  const listing = `${ctx.images.toLocaleString('en')} images`;
  const big = `${ctx.bigImages.toLocaleString('en')} images`;
  const limit = find(listing, 'limit: raw HTTP, no decoding');
  const boto3 = find(listing, 'boto3 DescribeImages paginator');
  const lines: string[] = [];
  const header = ['', 'median ms', 'peak RSS MB', 'first req ms', 'x limit', 'x boto3', 'runs (ms)'];
  const table: string[][] = [header];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      table.push([`[${group}]`, '', '', '', '', '', '']);
    }
    const groupLimit = rows.find((x) => x.group === r.group && x.name.startsWith('limit'));
    table.push([
      `  ${r.name}`, r.error ? `n/a (${r.error.split('\n')[0]!.slice(0, 60)})` : fmt(r.ms), fmt(r.rssMb), fmt(r.firstRequestMs),
      groupLimit && !r.error ? fmt(r.ms / groupLimit.ms, 2) : '-',
      r.group === listing && boto3 && !r.error ? fmt(r.ms / boto3.ms, 2) : '-',
      r.runs.join(' '),
    ]);
  }
  const widths = header.map((_h, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) lines.push(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());

  const ids = find(listing, 'ami-find --output ids');
  const ndjson = find(listing, 'ami-find --output ndjson');
  const latest = find(listing, 'ami-find --latest --allow-unsafe');
  const bigIds = find(big, 'ami-find --output ids');
  const bigNdjson = find(big, 'ami-find --output ndjson');
  const bigLatest = find(big, 'ami-find --latest --allow-unsafe');
  const nodeStart = find('startup', 'node -e 0');
  const zero = find(`${ctx.latencyPages} pages`, 'ami-find --output ids, no latency');
  const slow = find(`${ctx.latencyPages} pages`, `ami-find --output ids, ${ctx.latencyMs} ms per page`);
  const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a / b);
  const growth = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b / a - 1);
  const check = (target: string, value: number | undefined, bound: number): Check =>
    ({ target, value, limit: bound, met: value === undefined || Number.isNaN(value) ? undefined : value <= bound });
  const summary: Check[] = [
    check('ids time / limit', ratio(ids?.ms, limit?.ms), 2.5),
    check('ids time / boto3 paginator', ratio(ids?.ms, boto3?.ms), 0.2),
    check('ndjson time / limit', ratio(ndjson?.ms, limit?.ms), 4),
    check('ids peak RSS MB (100k)', ids?.rssMb, 150),
    check('ndjson peak RSS MB (100k)', ndjson?.rssMb, 150),
    check('ids peak RSS MB (1M)', bigIds?.rssMb, 150),
    check('ndjson peak RSS MB (1M)', bigNdjson?.rssMb, 150),
    check('ids RSS growth 100k -> 1M', growth(ids?.rssMb, bigIds?.rssMb), 0.2),
    check('ndjson RSS growth 100k -> 1M', growth(ndjson?.rssMb, bigNdjson?.rssMb), 0.2),
    check('--latest RSS growth 100k -> 1M', growth(latest?.rssMb, bigLatest?.rssMb), 0.2),
    check('--version / node -e 0', ratio(find('startup', 'ami-find --version')?.ms, nodeStart?.ms), 1.5),
    check('--help / node -e 0', ratio(find('startup', 'ami-find --help')?.ms, nodeStart?.ms), 1.5),
    check('first request on the wire / node -e 0', ratio(find('startup', FIRST_REQUEST)?.firstRequestMs, nodeStart?.ms), 4),
    check(`${ctx.latencyPages} pages at ${ctx.latencyMs} ms / (${ctx.latencyPages} x ${ctx.latencyMs} ms + no-latency time)`,
      ratio(slow?.ms, zero === undefined ? undefined : ctx.latencyPages * ctx.latencyMs + zero.ms), 1.05),
  ];
  lines.push('', 'targets (issue 6):');
  for (const c of summary) {
    const mark = c.met === undefined ? 'n/a ' : c.met ? 'met ' : 'MISS';
    lines.push(`  ${mark}  ${c.target}: ${fmt(c.value, 2)} (at most ${c.limit})`);
  }
  return { text: `${lines.join('\n')}\n`, summary };
}
