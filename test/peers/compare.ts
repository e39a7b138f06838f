/** Helpers for comparing images read by different clients (SDK, boto3, AWS CLI, moto). */
import type { Image } from '@aws-sdk/client-ec2';
import type { CatalogueImage } from '../ec2-local/types.js';
import type { ImageQuery } from '../../src/types.js';

/**
 * Image members the JS SDK 3.1169.0 model has but botocore 1.43.11 (boto3, AWS CLI v1) does not,
 * so botocore's parser drops them (contract §2.2: "In [JS-NEW] only").
 */
export const NOT_IN_BOTOCORE = ['PublicSsmParameterName', 'ImageWatermarks', 'ScanResults', 'InstanceTypeSpecification'];

/** Catalogue-only members that DescribeImages never shows. */
const CATALOGUE_ONLY = ['Region', 'LaunchPermissionUserIds', 'LaunchPermissionOrgShared', 'PublicSsmParameterHistory'];

/**
 * Lists inside an image come in an order that "might vary" (contract §2.1), so canonical form sorts
 * them; no list inside an Image carries meaning in its order.
 */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return value.map(canonical).map((v) => [JSON.stringify(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** Images as plain sorted JSON keyed by ImageId, without the listed members. */
export function normalise(images: readonly (Image | CatalogueImage)[], drop: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const img of [...images].sort((a, b) => a.ImageId!.localeCompare(b.ImageId!))) {
    const copy: Record<string, unknown> = { ...img };
    for (const k of [...drop, ...CATALOGUE_ONLY]) delete copy[k];
    out[img.ImageId!] = canonical(copy);
  }
  return out;
}

/** `aws ec2 describe-images` arguments for a query. */
export function cliArgs(q: ImageQuery, pageSize: number): string[] {
  const args = ['ec2', 'describe-images', '--output', 'json', '--page-size', String(pageSize)];
  if (q.owners?.length) args.push('--owners', ...q.owners);
  if (q.imageIds?.length) args.push('--image-ids', ...q.imageIds);
  if (q.executableUsers?.length) args.push('--executable-users', ...q.executableUsers);
  if (q.includeDeprecated) args.push('--include-deprecated');
  if (q.includeDisabled) args.push('--include-disabled');
  if (q.filters?.length) args.push('--filters', JSON.stringify(q.filters));
  return args;
}
