import type { PolicySettings } from '../../src/model/policySettings.js';

/**
 * A cohort's policy section whose every utility weight, preference bonus and penalty is that of
 * `settings` times `factor` (priority, a row multiplier, stays): every pair's utility is then
 * times `factor` too, exactly for a power of two.
 */
export function scaledPolicy(settings: PolicySettings, factor: number) {
  const w = settings.weights;
  const times = (x: number) => x * factor;
  return {
    weights: { aspiration: times(w.aspiration), support: times(w.support), commonGround: times(w.commonGround), difference: times(w.difference), scarcity: times(w.scarcity), continuity: times(w.continuity), priority: w.priority },
    preferenceBonus: settings.preferenceBonus.map(times),
    minDifferencePenalty: times(settings.minDifferencePenalty),
    dualRolePenalty: times(settings.dualRolePenalty),
    closeToEvaluatorPenalty: times(settings.closeToEvaluatorPenalty),
    clanPenalty: times(settings.clanPenalty),
    previouslyCoachedPenalty: times(settings.previouslyCoachedPenalty),
    sameTeamPenalty: times(settings.sameTeamPenalty),
  };
}
