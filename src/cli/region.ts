/** The region ami-find uses when --region is absent. */
import { usageError } from '../errors.js';
import { REGIONS } from '../query/vocabulary.js';
import { didYouMean } from '../query/suggest.js';
import type { Boundary } from './boundary.js';

/** Region from the flag, then AWS_REGION, then AWS_DEFAULT_REGION (the SDK itself reads only AWS_REGION). */
export function resolveRegion(flag: string | undefined, env: Boundary['env']): string | undefined {
  return flag || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

/** AWS region names: partition prefix, area, number (us-east-1, us-gov-west-1, ap-southeast-7). */
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Reject a region that cannot be one before any request (the SDK would fail with an internal-looking
 * "Region not accepted" error). Unlisted but well-formed names pass: AWS adds regions.
 */
export function checkRegion(region: string | undefined): string | undefined {
  if (region === undefined || REGION_SHAPE.test(region)) return region;
  throw usageError(`invalid region '${region}'${didYouMean(region, REGIONS)}`, 'a region looks like us-east-1 or eu-west-2', 'E_BAD_REGION');
}
