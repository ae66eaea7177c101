import type { PolicySettings } from './policySettings.js';

/**
 * The default policy: relevance first (aspiration and support fit), with common ground and
 * difference sliding by insiderness, scarce coaches to pioneers, dual roles allowed but
 * penalised and disclosed, clans banned, no quotas. See each field of {@link PolicySettings} for why.
 */
export const defaultPolicy: PolicySettings = Object.freeze({
  weights: Object.freeze({
    aspiration: 1,
    support: 1,
    commonGround: 0.6,
    difference: 0.4,
    scarcity: 0.3,
    continuity: 0.2,
    priority: 1,
  }),
  preferenceBonus: Object.freeze([0.3, 0.2, 0.1]),
  insiderThreshold: 0.75,
  minDifferenceForInsiders: 0.35,
  hardMinDifference: false,
  minDifferencePenalty: 3,
  dualRole: 'penalise',
  dualRolePenalty: 0.15,
  closeToEvaluatorPenalty: 0.3,
  clanBan: true,
  clanDepth: 2,
  clanPenalty: 0.5,
  previouslyCoached: 'allow',
  previouslyCoachedPenalty: 0.1,
  sameTeamPenalty: 0.05,
  quotas: Object.freeze([]),
});
