/** Why a unit failed, in the words a user acts on: not enabled, not authorized, throttled, unreachable. */
import { EXIT, type AmiFindError } from '../errors.js';
import { unitLabel, type Unit } from './units.js';

/** A unit that failed, with the error its listing ended on (images it delivered before are kept). */
export interface UnitFailure {
  unit: Unit;
  error: AmiFindError;
  /** Images the unit delivered before failing. */
  delivered: number;
}

/**
 * The reason word for a failure. EC2 answers a region the account has not enabled with AuthFailure,
 * exactly as for bad credentials (test/ec2-local/README.md, Regions): when the same profile worked
 * in another region, the credentials are fine and the region is the cause.
 */
export function failureReason(failure: UnitFailure, profileWorked: boolean): string {
  const { error } = failure;
  if (error.code === 'E_NO_CREDENTIALS') return 'no credentials';
  if (error.exitCode === EXIT.CREDENTIALS) {
    // SSM says UnrecognizedClientException where EC2 says AuthFailure.
    return profileWorked && /AuthFailure|UnrecognizedClientException/.test(error.message) ? 'not enabled for this account' : 'credentials rejected';
  }
  if (error.exitCode === EXIT.UNAUTHORIZED) return 'not authorized';
  if (error.exitCode === EXIT.THROTTLED) return error.code === 'E_THROTTLED' ? 'throttled' : 'service unavailable';
  if (error.exitCode === EXIT.NETWORK) return 'unreachable';
  if (error.exitCode === EXIT.USAGE) return 'usage error';
  if (error.exitCode === EXIT.SSM_POINTER) return 'no usable SSM pointer';
  return 'request failed';
}

/** One stderr line for a failed unit: `<profile/region>: <reason>: <error>`. */
export function failureLine(failure: UnitFailure, profileWorked: boolean): string {
  const kept = failure.delivered > 0 ? ` (${failure.delivered} images received before are printed)` : '';
  return `${unitLabel(failure.unit)}: ${failureReason(failure, profileWorked)}: ${failure.error.message}${kept}`;
}
