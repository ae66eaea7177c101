import type { PolicySettings } from '../model/policySettings.js';

/**
 * Where a coachee of insiderness s stands between pioneer and insider, in [0, 1], with the
 * insider threshold at ½: below the threshold s is scaled onto [0, ½), from it onto [½, 1].
 * The common-ground and difference weights slide on this, not on s itself: slid on s they
 * crossed at s = ½, so a pioneer between ½ and the threshold (0.75 by default) weighed
 * difference above common ground and could be steered to a coach sharing nothing.
 */
export function identityBalance(s: number, settings: PolicySettings): number {
  const t = settings.insiderThreshold;
  if (s < t) return s / (2 * t);
  return t < 1 ? 0.5 + (s - t) / (2 * (1 - t)) : 0.5;
}

/** The weights of common ground and of difference for a coachee of insiderness s: nominal at the insider threshold. */
export function similarityWeights(s: number, settings: PolicySettings): { commonGround: number; difference: number } {
  const b = identityBalance(s, settings);
  return { commonGround: 2 * (1 - b) * settings.weights.commonGround, difference: 2 * b * settings.weights.difference };
}

/** The weight of a shared rare background for a coachee of insiderness s: by how much of a pioneer they are. */
export function scarcityWeight(s: number, settings: PolicySettings): number {
  return settings.weights.scarcity * (1 - s);
}
