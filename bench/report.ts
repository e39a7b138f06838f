/** The benchmark table and the performance targets (docs/PERFORMANCE.md), computed from the measured rows. */

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
  images: number;
  bigImages: number;
  /** The fan-out scenario's group and row names (bench/fan-out.ts), when it ran. */
  fanOut?: { group: string; all: string; single: string; awsLoop: string };
}

/**
 * The start-up row whose time to the first request is compared with `node -e 0`: measured in the
 * same rounds as `node -e 0`, 15 times, because this machine drifts over a minute (a listing's own
 * first-request time is a median of 3, minutes away from the baseline).
 */
export const FIRST_REQUEST = 'ami-find --output ids --max-items 1';

/** One target: the measured value, the bound and whether it was met. */
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

  const nodeStart = find('startup', 'node -e 0');
  const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a / b);
  const check = (target: string, value: number | undefined, bound: number): Check =>
    ({ target, value, limit: bound, met: value === undefined || Number.isNaN(value) ? undefined : value <= bound });
  const summary: Check[] = [];
  for (const [format, bound] of [['ids', 3], ['ndjson', 4], ['json', 4]] as const) {
    const row = find(listing, `ami-find --output ${format}`);
    summary.push(
      check(`${format} time / limit`, ratio(row?.ms, limit?.ms), bound),
      check(`${format} time / boto3 paginator`, ratio(row?.ms, boto3?.ms), 0.2),
      check(`${format} peak RSS MB (${big})`, find(big, `ami-find --output ${format}`)?.rssMb, 150),
    );
  }
  summary.push(
    check('--version / node -e 0', ratio(find('startup', 'ami-find --version')?.ms, nodeStart?.ms), 1.6),
    check('--help / node -e 0', ratio(find('startup', 'ami-find --help')?.ms, nodeStart?.ms), 1.6),
    check('first request on the wire / node -e 0', ratio(find('startup', FIRST_REQUEST)?.firstRequestMs, nodeStart?.ms), 4),
  );
  const fan = ctx.fanOut;
  const fanAll = fan && find(fan.group, fan.all);
  if (fan) summary.push(check('fan-out over 17 regions / the slowest region alone', ratio(fanAll?.ms, find(fan.group, fan.single)?.ms), 1.3));
  lines.push('', 'targets:');
  for (const c of summary) {
    const mark = c.met === undefined ? 'n/a ' : c.met ? 'met ' : 'MISS';
    lines.push(`  ${mark}  ${c.target}: ${fmt(c.value, 2)} (at most ${c.limit})`);
  }
  if (fan) lines.push('', `reported: AWS CLI loop over the same regions / ami-find fan-out: ${fmt(ratio(find(fan.group, fan.awsLoop)?.ms, fanAll?.ms), 1)}x`);
  return { text: `${lines.join('\n')}\n`, summary };
}
