/** `--explain`: the DescribeImages request(s), the client-side steps and the equivalent AWS CLI line. Pure: sends nothing. */
import type { DescribeImagesCommandInput, Filter, ImageQuery, PaginationConfig } from '../types.js';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../paginate/listing.js';
import { decodeStartingToken } from '../paginate/token.js';
import { queryToInput } from './to-input.js';
import { describeImagesBody } from './wire.js';
import { redactUrls } from '../redact-url.js';
import type { SortKey } from './vocabulary.js';
import type { SelectionCriteria } from '../select/predicate.js';

/** Where the request would go: the CLI's --region, --profile and --endpoint-url as given. */
export interface ExplainTarget {
  region?: string;
  profile?: string;
  endpoint?: string;
}

/** The first request's SDK input, built as the listing builds it (pageRequest): MaxResults included. */
export function firstRequestInput(q: ImageQuery, pagination: PaginationConfig): DescribeImagesCommandInput {
  const token = pagination.StartingToken === undefined ? null : decodeStartingToken(pagination.StartingToken).nextToken;
  return pageRequest(queryToInput(q), token, pagination.PageSize ?? DEFAULT_PAGE_SIZE);
}

/** The explanation printed by `--explain`: request body, paging plan, client-side steps, and the `aws ec2 describe-images` line. */
export function explainQuery(q: ImageQuery, pagination: PaginationConfig, opts: ExplainTarget = {}, selection: ExplainSelection = {}): string {
  const input = firstRequestInput(q, pagination);
  const lines = [`# DescribeImages request: POST ${endpointOf(opts)} (Content-Type: application/x-www-form-urlencoded)`];
  lines.push(describeImagesBody(input));
  if (q.dryRun) {
    lines.push('# one request only: DryRun asks EC2 whether the request would succeed, and lists nothing');
  } else {
    const stop = pagination.MaxItems !== undefined ? `, or ${pagination.MaxItems} images have been received (--max-items)` : '';
    lines.push(`# then the same body with NextToken set to each response's NextToken, until a response has none${stop}`);
    const skip = pagination.StartingToken !== undefined ? decodeStartingToken(pagination.StartingToken).truncateAmount : undefined;
    if (skip) lines.push(`# the first ${skip} images of the first page are skipped: the starting token resumes inside that page`);
  }
  // DryRun lists nothing, so nothing is selected afterwards.
  const selected = q.dryRun ? { steps: [], caveats: [] } : explainSelection(selection);
  lines.push(...selected.steps);
  lines.push('', '# the same query with the AWS CLI:', awsCliWords(q, pagination, opts, selected.query).map(shellQuote).join(' '));
  lines.push(...selected.caveats);
  return lines.join('\n') + '\n';
}

function endpointOf(opts: ExplainTarget): string {
  if (opts.endpoint !== undefined) return redactUrls(opts.endpoint);
  if (opts.region === undefined) return "the region's EC2 endpoint";
  return `https://ec2.${opts.region}.amazonaws.com${opts.region.startsWith('cn-') ? '.cn' : ''}/`;
}

/** `aws ec2 describe-images ...` as words (unquoted); `query` adds `--query` and `--output json` (explainSelection says why). */
export function awsCliWords(q: ImageQuery, pagination: PaginationConfig, opts: ExplainTarget = {}, query?: string): string[] {
  const w = ['aws', 'ec2', 'describe-images'];
  const list = (flag: string, values: readonly string[] | undefined) => {
    if (values?.length) w.push(flag, ...values);
  };
  const bool = (flag: string, value: boolean | undefined) => {
    if (value !== undefined) w.push(value ? `--${flag}` : `--no-${flag}`);
  };
  list('--owners', q.owners);
  list('--image-ids', q.imageIds);
  list('--executable-users', q.executableUsers);
  if (q.filters?.length) w.push('--filters', ...filterWords(q.filters));
  bool('include-deprecated', q.includeDeprecated);
  bool('include-disabled', q.includeDisabled);
  bool('dry-run', q.dryRun);
  // ami-find always pages (MaxResults, DEFAULT_PAGE_SIZE by default); without --page-size the AWS CLI would not.
  if (!q.imageIds?.length) w.push('--page-size', String(pagination.PageSize ?? DEFAULT_PAGE_SIZE));
  if (pagination.MaxItems !== undefined) w.push('--max-items', String(pagination.MaxItems));
  if (pagination.StartingToken !== undefined) w.push('--starting-token', pagination.StartingToken);
  if (opts.region !== undefined) w.push('--region', opts.region);
  if (opts.profile !== undefined) w.push('--profile', opts.profile);
  // A password in the URL is shown as *** (src/redact-url.ts): put it back by hand to run the line.
  if (opts.endpoint !== undefined) w.push('--endpoint-url', redactUrls(opts.endpoint));
  if (query !== undefined) w.push('--query', query, '--output', 'json');
  return w;
}

/** Characters the AWS CLI shorthand takes literally; anything else goes through its JSON form. */
const SHORTHAND_SAFE = /^[A-Za-z0-9_.:/*?@+-]+$/;

/** Shorthand `Name=n,Values=a,b` when every name and value is plain, else JSON (aws/aws-cli awscli/shorthand.py). */
function filterWords(filters: readonly Filter[]): string[] {
  const plain = filters.every((f) => SHORTHAND_SAFE.test(f.Name ?? '')
    && (f.Values ?? []).length > 0 && (f.Values ?? []).every((v) => SHORTHAND_SAFE.test(v)));
  if (plain) return filters.map((f) => `Name=${f.Name},Values=${(f.Values ?? []).join(',')}`);
  return [JSON.stringify(filters.map((f) => ({ Name: f.Name, Values: f.Values ?? [] })))];
}

/** Quote one word for sh/bash/zsh: bare when safe, else single quotes (`'` written as `'\''`). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_\-.,:/=@%+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The client-side selection, as resolved (src/cli/resolve.ts Selection). */
export interface ExplainSelection extends SelectionCriteria {
  latest?: number;
  sort?: SortKey;
  desc?: boolean;
}

/** What --explain says about the selection: `#` lines for the steps and caveats, and the --query when one step has an equivalent. */
export interface SelectionExplanation {
  steps: string[];
  query?: string;
  caveats: string[];
}

/** The JMESPath key expression and a caveat for each sort key (JMESPath sort_by compares plain strings). */
const SORT_KEY_EXPR: Record<SortKey, { expr: string; caveat?: string; ascendingCaveat?: string }> = {
  'creation-date': { expr: 'CreationDate' },
  name: { expr: 'Name', caveat: 'sort_by compares names as plain text, not version-aware (kernel-6.12 before kernel-6.2)' },
  'deprecation-time': { expr: 'DeprecationTime || `""`', ascendingCaveat: 'images without a deprecation time sort first in the query, last in ami-find' },
  'last-launched': { expr: 'LastLaunchedTime || `""`', ascendingCaveat: 'images never launched sort first in the query, last in ami-find' },
  'image-id': { expr: 'ImageId' },
  owner: { expr: 'ImageOwnerAlias || OwnerId' },
  architecture: { expr: 'Architecture' },
};

/** A JMESPath JSON literal for a string (backticks: no single quote to escape in the shell's quoting). */
function raw(s: string): string {
  return `\`${JSON.stringify(s)}\``;
}

/** The steps, the --query and its caveats for `s`; `--output json` goes with it, as text output applies --query per page (aws/aws-cli#7504). */
export function explainSelection(s: ExplainSelection): SelectionExplanation {
  const steps: string[] = [];
  const caveats: string[] = [];
  let expr = 'Images';
  if (s.nameRegex !== undefined) {
    steps.push(`#   --name-regex: keep images whose name matches the JavaScript regular expression ${s.nameRegex}`);
    caveats.push('# --name-regex has no --query equivalent (JMESPath has no regular expressions): the AWS CLI line also lists'
      + ' the images it would drop');
  }
  const bounds: string[] = [];
  if (s.createdAfter !== undefined) {
    const at = s.createdAfter.toISOString();
    steps.push(`#   --created-after: keep images created at or after ${at}`);
    bounds.push(`CreationDate>=${raw(at)}`);
  }
  if (s.createdBefore !== undefined) {
    const at = s.createdBefore.toISOString();
    steps.push(`#   --created-before: keep images created before ${at}`);
    bounds.push(`CreationDate<${raw(at)}`);
  }
  if (bounds.length > 0) expr = `${expr}[?${bounds.join(' && ')}]`;
  if (s.latest !== undefined) {
    steps.push(`#   --latest ${s.latest}: keep the newest ${s.latest === 1 ? 'image' : `${s.latest} images, newest first`} (by creation date;`
      + ' at the same creation time the version-aware greater name, then the greater image ID)');
    expr = `reverse(sort_by(${expr}, &CreationDate))[:${s.latest}]`;
  }
  if (s.sort !== undefined) {
    const key = SORT_KEY_EXPR[s.sort];
    steps.push(`#   --sort ${s.sort}${s.desc ? ' --desc' : ''}: sort by ${s.sort}${s.sort === 'name' ? ' (version-aware)' : ''},`
      + ` ties by age as --latest${s.desc ? ', all descending' : ''}`);
    // sort_by is stable: sorting by creation date first gives ties on the key ami-find's order by age.
    const byAge = s.sort === 'creation-date' ? expr : `sort_by(${expr}, &CreationDate)`;
    expr = s.sort === 'creation-date' ? `sort_by(${expr}, &CreationDate)` : `sort_by(${byAge}, &${key.expr.includes('||') ? `(${key.expr})` : key.expr})`;
    if (s.desc) expr = `reverse(${expr})`;
    if (key.caveat) caveats.push(`# ${key.caveat}`);
    if (key.ascendingCaveat && !s.desc) caveats.push(`# ${key.ascendingCaveat}`);
  }
  if (s.latest !== undefined || s.sort !== undefined) {
    caveats.push('# images created the same second come out in the order EC2 sent them, not by ami-find\'s tie rule'
      + ' (version-aware name, then image ID)');
  }
  if (steps.length > 0) steps.unshift('# then ami-find, on the images received (no DescribeImages parameter does this):');
  return { steps, query: expr === 'Images' ? undefined : `{Images: ${expr}}`, caveats };
}
