import { CoachmatchError } from '../errors.js';
import type { PreparedMatch } from './match.js';

/**
 * Stops a feature that solves without side constraints from silently ignoring the cohort's
 * quotas: its answer would not be the matching `match` returns.
 */
export function refuseQuotas(prepared: PreparedMatch, feature: string): void {
  if (prepared.settings.quotas.length > 0) {
    throw new CoachmatchError('invalidArgument', `${feature} does not take policy.quotas into account yet; remove the quotas to use it`);
  }
}
