/** The form-encoded DescribeImages body exactly as @aws-sdk/client-ec2 3.1169.0 sends it. */
import type { DescribeImagesCommandInput } from '../types.js';

/** The SDK's `extendedEncodeURIComponent` (@smithy/util-uri-escape): `!'()*` percent-encoded too. */
export function extendedEncodeURIComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Wire parameters in the SDK's order (Action, Version, members in model order); lists 1-based, `false` sent. */
export function describeImagesParams(input: DescribeImagesCommandInput): [string, string][] {
  const p: [string, string][] = [['Action', 'DescribeImages'], ['Version', '2016-11-15']];
  const list = (key: string, values: string[] | undefined) =>
    (values ?? []).forEach((v, i) => p.push([`${key}.${i + 1}`, v]));
  list('ExecutableBy', input.ExecutableUsers);
  list('ImageId', input.ImageIds);
  list('Owner', input.Owners);
  if (input.IncludeDeprecated !== undefined) p.push(['IncludeDeprecated', String(input.IncludeDeprecated)]);
  if (input.IncludeDisabled !== undefined) p.push(['IncludeDisabled', String(input.IncludeDisabled)]);
  if (input.MaxResults !== undefined) p.push(['MaxResults', String(input.MaxResults)]);
  if (input.NextToken !== undefined) p.push(['NextToken', input.NextToken]);
  if (input.DryRun !== undefined) p.push(['DryRun', String(input.DryRun)]);
  (input.Filters ?? []).forEach((f, i) => {
    p.push([`Filter.${i + 1}.Name`, f.Name ?? '']);
    (f.Values ?? []).forEach((v, j) => p.push([`Filter.${i + 1}.Value.${j + 1}`, v]));
  });
  return p;
}

/** The request body: `Action=DescribeImages&Version=2016-11-15&...`, percent-encoded as the SDK does. */
export function describeImagesBody(input: DescribeImagesCommandInput): string {
  return describeImagesParams(input)
    .map(([k, v]) => `${extendedEncodeURIComponent(k)}=${extendedEncodeURIComponent(v)}`)
    .join('&');
}
