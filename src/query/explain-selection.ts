/** `--explain` for the client-side steps, and the AWS CLI `--query` (JMESPath) doing the same where one exists. Pure. */
import type { SortKey } from './vocabulary.js';
import type { SelectionCriteria } from '../select/predicate.js';

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
  let anyQuery = false;
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
  if (bounds.length > 0) {
    expr = `${expr}[?${bounds.join(' && ')}]`;
    anyQuery = true;
  }
  if (s.latest !== undefined) {
    steps.push(`#   --latest ${s.latest}: keep the newest ${s.latest === 1 ? 'image' : `${s.latest} images, newest first`} (by creation date;`
      + ' at the same creation time the version-aware greater name, then the greater image ID)');
    expr = `reverse(sort_by(${expr}, &CreationDate))[:${s.latest}]`;
    anyQuery = true;
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
    anyQuery = true;
  }
  if (s.latest !== undefined || s.sort !== undefined) {
    caveats.push('# images created the same second come out in the order EC2 sent them, not by ami-find\'s tie rule'
      + ' (version-aware name, then image ID)');
  }
  if (steps.length > 0) steps.unshift('# then ami-find, on the images received (no DescribeImages parameter does this):');
  return { steps, query: anyQuery ? `{Images: ${expr}}` : undefined, caveats };
}
