import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { coachPool, type PoolCoach } from './coachPool.js';
import { identityWeightScale } from './identityWeightScale.js';
import { valueRarity } from './valueRarity.js';

/** How rare a coach's identity values are in the pool. */
export interface Rarity {
  /** The largest of `byKey` scaled by attribute weight / largest identity weight, in [0, 1]. */
  readonly score: number;
  /** {@link valueRarity} of the coach's value per identity attribute they have a value for. */
  readonly byKey: Readonly<Record<string, number>>;
}

/**
 * How rare a coach's identity attribute values are among the available coaches, for a
 * scarcity policy: coaches with a rare background (few role models with a migration
 * background, say) should go first to the pioneers who share it.
 *
 * @remarks Depends only on the pool (coaches with `active !== false`), never on its order.
 *
 * @example
 * ```ts
 * rarity(coach, cohort.coaches, cohort.attributes); // { score: 0.88, byKey: { background: 0.88, gender: 0.52, … } }
 * ```
 */
export function rarity(
  coach: AttributeProfile,
  activeCoaches: readonly PoolCoach[],
  attributes: readonly AttributeDeclaration[],
): Rarity {
  const pool = coachPool(activeCoaches);
  const scale = identityWeightScale(attributes);
  const byKey: Record<string, number> = {};
  let score = 0;
  for (const d of attributes) {
    if (d.role !== 'identity' || d.weight <= 0 || !Object.hasOwn(coach.attributes, d.key)) continue;
    const r = valueRarity(d, attributeOf(coach.attributes, d.key), pool);
    byKey[d.key] = r;
    score = Math.max(score, (d.weight / scale) * r);
  }
  return { score, byKey };
}
