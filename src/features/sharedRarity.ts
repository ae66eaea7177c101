import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { coachPool, type PoolCoach } from './coachPool.js';
import { identityWeightScale } from './identityWeightScale.js';
import { sharedValue } from './sharedValue.js';
import { valueRarity } from './valueRarity.js';

/**
 * How rare the common ground of a pair is among the available coaches, in [0, 1]: the largest,
 * over the identity attributes they share, of ({@link valueRarity} of what is shared) ×
 * (attribute weight / largest identity weight). High when the coach is one of the few who
 * share something with this coachee (a migration background, a rare language); 0 when they
 * share nothing. A scarcity policy weighs it by how much the coachee is a pioneer.
 *
 * @example
 * ```ts
 * sharedRarity(coachee, coach, cohort.coaches, cohort.attributes); // 0.88: shared migration background
 * ```
 */
export function sharedRarity(
  coachee: AttributeProfile,
  coach: AttributeProfile,
  activeCoaches: readonly PoolCoach[],
  attributes: readonly AttributeDeclaration[],
): number {
  const pool = coachPool(activeCoaches);
  const scale = identityWeightScale(attributes);
  let best = 0;
  for (const d of attributes) {
    if (d.role !== 'identity' || d.weight <= 0) continue;
    const shared = sharedValue(d, attributeOf(coachee.attributes, d.key), attributeOf(coach.attributes, d.key));
    if (shared === undefined) continue;
    // Rarity of what is shared: for a numeric value the coach's own number, whose rarity is what a scarcity policy spends.
    const value = d.kind === 'numeric' ? attributeOf(coach.attributes, d.key) : shared.value;
    best = Math.max(best, (d.weight / scale) * valueRarity(d, value, pool));
  }
  return best;
}
