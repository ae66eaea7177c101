import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { commonGroundScore } from './commonGroundScore.js';
import { sharedValue, type SharedGround } from './sharedValue.js';

/** Common ground of a pair: a score in [0, 1) and what they share, to name it in words. */
export interface CommonGround {
  readonly score: number;
  /** What they share, in the order of `attributes` (by key in a parsed cohort). */
  readonly shared: readonly SharedGround[];
}

/**
 * The common ground between a coachee and a coach over the identity attributes:
 * `score` = {@link commonGroundScore}(Σ weight of shared attributes), so one real affinity
 * counts a lot and more add less and less; `shared` lists each affinity ({@link sharedValue}).
 * Profession attributes are ignored (that is aspiration fit).
 *
 * @remarks Adding a shared attribute never lowers the score. Symmetric in its two people.
 *
 * @example
 * ```ts
 * commonGround(coachee, coach, cohort.attributes);
 * // { score: 0.75, shared: [{ key: 'background', label: 'First-generation student', value: 'first-generation' }, …] }
 * ```
 */
export function commonGround(
  coachee: AttributeProfile,
  coach: AttributeProfile,
  attributes: readonly AttributeDeclaration[],
): CommonGround {
  const shared: SharedGround[] = [];
  let units = 0;
  for (const d of attributes) {
    if (d.role !== 'identity' || d.weight <= 0) continue;
    const s = sharedValue(d, attributeOf(coachee.attributes, d.key), attributeOf(coach.attributes, d.key));
    if (s === undefined) continue;
    shared.push(s);
    units += d.weight;
  }
  return { score: commonGroundScore(units), shared };
}
