/** ImageQuery -> the SDK's DescribeImagesCommandInput (pagination fields are added by src/paginate). */
import type { DescribeImagesCommandInput, ImageQuery } from '../types.js';

/**
 * Map a query to DescribeImages input. Empty lists and unset booleans are left out (the SDK would
 * send nothing for an empty list anyway: ec2-contract.md 1.2 "Ec2EmptyQueryLists"), so the input
 * shows only what the user asked for. A boolean set to false is kept: the SDK sends it explicitly.
 */
export function queryToInput(q: ImageQuery): DescribeImagesCommandInput {
  const input: DescribeImagesCommandInput = {};
  if (q.executableUsers?.length) input.ExecutableUsers = [...q.executableUsers];
  if (q.imageIds?.length) input.ImageIds = [...q.imageIds];
  if (q.owners?.length) input.Owners = [...q.owners];
  if (q.includeDeprecated !== undefined) input.IncludeDeprecated = q.includeDeprecated;
  if (q.includeDisabled !== undefined) input.IncludeDisabled = q.includeDisabled;
  if (q.dryRun !== undefined) input.DryRun = q.dryRun;
  if (q.filters?.length) input.Filters = q.filters.map((f) => ({ Name: f.Name, Values: [...(f.Values ?? [])] }));
  return input;
}
