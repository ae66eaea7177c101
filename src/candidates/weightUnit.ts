import type { PolicySettings } from '../model/policySettings.js';

/**
 * The unit of the candidate certificates' rounding tolerances (`1e-9 · (unit + |x|)`): 1 for
 * policies whose weights reach 1, as it always was, and the weights' own scale below that.
 * A fixed 1 made the tolerances absolute: with every policy weight at 1e-13, pairs that
 * improved the total by 1e-13 passed as ties, and a matching 0.05% short was certified.
 *
 * The scale is the largest weight, bonus or penalty of the settings (each term is a feature in
 * [0, 1] times one of them) times the largest row multiplier (priority): the same in every
 * thread that certifies, whatever rows it checks. A term it misses could only make the unit
 * too small, which makes certificates stricter (slower), never wrong.
 */
export function weightUnit(settings: PolicySettings, multiplier: Float64Array): number {
  const { weights: w } = settings;
  // Priority is not a term: it makes the row multipliers.
  const terms = [
    w.aspiration, w.support, w.commonGround, w.difference, w.scarcity, w.continuity,
    ...settings.preferenceBonus,
    settings.minDifferencePenalty, settings.dualRolePenalty, settings.closeToEvaluatorPenalty,
    settings.clanPenalty, settings.previouslyCoachedPenalty, settings.sameTeamPenalty,
  ];
  let largest = 0;
  for (const t of terms) largest = Math.max(largest, Math.abs(t));
  let most = 0;
  for (const m of multiplier) most = Math.max(most, m);
  return Math.min(1, largest * most);
}
