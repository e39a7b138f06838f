/** ImageQuery -> the SDK's DescribeImagesCommandInput (src/paginate adds the paging fields). */
import type { DescribeImagesCommandInput, ImageQuery } from '../types.js';

/** The input: empty lists and unset booleans left out (the SDK sends neither), a false boolean kept. */
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
