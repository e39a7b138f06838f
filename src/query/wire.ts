/** The form-encoded DescribeImages body exactly as @aws-sdk/client-ec2 3.1169.0 sends it. */
import type { DescribeImagesCommandInput } from '../types.js';

/**
 * The SDK's `extendedEncodeURIComponent` (@smithy/util-uri-escape): encodeURIComponent, plus
 * `!'()*` percent-encoded, so `*` is `%2A` and a space `%20` (ec2-contract.md 1.1 [LAB]).
 */
export function extendedEncodeURIComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Wire parameters in the order 3.1169.0 sends them: Action, Version, then members in model order
 * (ec2-contract.md 1.2 [LAB]). Lists are flattened 1-based; empty lists and undefined members are
 * not sent; booleans are lower-case and `false` is sent.
 */
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
