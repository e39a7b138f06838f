/** The region ami-find uses when --region is absent. */
import type { Boundary } from './boundary.js';

/** Region from the flag, then AWS_REGION, then AWS_DEFAULT_REGION (the SDK itself reads only AWS_REGION). */
export function resolveRegion(flag: string | undefined, env: Boundary['env']): string | undefined {
  return flag || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
