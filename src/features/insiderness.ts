import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { coachPool, type PoolCoach } from './coachPool.js';
import { hasValue } from './hasValue.js';
import { poolShare } from './poolShare.js';

/**
 * How typical a coachee's identity profile is among the available coaches, in [0, 1]:
 * 1 = an insider, at home in the milieu where most coaches live; near 0 = a pioneer.
 *
 * Per identity attribute, the coachee's typicality is the share of the pool they share that
 * attribute with ({@link poolShare}), relative to the share of the pool's most common value
 * (the largest share any coach's own value reaches), capped at 1. So holding the pool's
 * typical value scores 1 even in a pool split 50/50, where nobody is a newcomer. The result
 * is the weighted mean over the identity attributes the coachee has a value for and at
 * least one coach has; 0 when there are none (no evidence of belonging).
 *
 * @remarks Depends only on the pool (coaches with `active !== false`), never on its order.
 *
 * @example
 * ```ts
 * insiderness(coachee, cohort.coaches, cohort.attributes); // 0.9: Dutch, male, like most coaches
 * ```
 */
export function insiderness(
  coachee: AttributeProfile,
  activeCoaches: readonly PoolCoach[],
  attributes: readonly AttributeDeclaration[],
): number {
  const pool = coachPool(activeCoaches);
  let weighted = 0;
  let total = 0;
  for (const d of attributes) {
    if (d.role !== 'identity' || d.weight <= 0) continue;
    const value = attributeOf(coachee.attributes, d.key);
    if (!hasValue(value)) continue;
    let mode = 0;
    for (const c of pool) mode = Math.max(mode, poolShare(d, attributeOf(c.attributes, d.key), pool));
    if (mode === 0) continue;
    weighted += d.weight * Math.min(1, poolShare(d, value, pool) / mode);
    total += d.weight;
  }
  return total > 0 ? weighted / total : 0;
}
