/** Filter shortcuts: --name and --tag expand to DescribeImages filters. */
import { usageError } from '../errors.js';
import type { Filter } from '../types.js';

/** All --name globs as one `name` filter (EC2 ORs the values of one filter). */
export function mergeNameFilters(globs: readonly string[]): Filter[] {
  return [{ Name: 'name', Values: [...globs] }];
}

/** `--tag key=value` -> tag:key=value; `--tag key` -> tag-key=key. */
export function tagFilter(arg: string): Filter {
  const eq = arg.indexOf('=');
  if (eq === 0) throw usageError(`--tag '${arg}' has no key`, 'write --tag KEY=VALUE or --tag KEY', 'E_BAD_TAG');
  if (eq < 0) return { Name: 'tag-key', Values: [arg] };
  return { Name: `tag:${arg.slice(0, eq)}`, Values: [arg.slice(eq + 1)] };
}
