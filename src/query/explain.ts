/** `--explain`: the DescribeImages request(s), the client-side steps and the equivalent AWS CLI line. Pure: sends nothing. */
import type { DescribeImagesCommandInput, Filter, ImageQuery, PaginationConfig } from '../types.js';
import { DEFAULT_PAGE_SIZE, pageRequest } from '../paginate/listing.js';
import { decodeStartingToken } from '../paginate/token.js';
import { queryToInput } from './to-input.js';
import { describeImagesBody } from './wire.js';
import { redactUrls } from '../redact-url.js';
import { explainSelection, type ExplainSelection } from './explain-selection.js';

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

/** `aws ec2 describe-images ...` as words (unquoted); `query` adds `--query` and `--output json` (explain-selection.ts says why). */
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
