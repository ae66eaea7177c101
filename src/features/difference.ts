import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { attributeSimilarity } from './attributeSimilarity.js';
import { hasValue } from './hasValue.js';

/**
 * How different two people's identity profiles are, in [0, 1]: the weighted mean of
 * 1 − {@link attributeSimilarity} over the identity attributes both have a value for.
 * 0 when no attribute is known on both sides: an unknown is no evidence of difference, nor
 * of sameness ({@link differenceKnown} tells the two apart).
 *
 * @remarks Symmetric. Graded, unlike common ground: an age gap of 10 years on a 20–70 scale
 * counts 0.2, a different nationality 1.
 *
 * @example
 * ```ts
 * difference({ attributes: { gender: 'f', nationality: 'NL' } },
 *            { attributes: { gender: 'm', nationality: 'NL' } }, attributes); // 0.5
 * ```
 */
export function difference(
  coachee: AttributeProfile,
  coach: AttributeProfile,
  attributes: readonly AttributeDeclaration[],
): number {
  let weighted = 0;
  let total = 0;
  for (const d of attributes) {
    if (d.role !== 'identity' || d.weight <= 0) continue;
    const a = attributeOf(coachee.attributes, d.key);
    const b = attributeOf(coach.attributes, d.key);
    if (!hasValue(a) || !hasValue(b)) continue;
    weighted += d.weight * (1 - attributeSimilarity(d, a, b));
    total += d.weight;
  }
  return total > 0 ? weighted / total : 0;
}

/**
 * Whether {@link difference} has evidence: some identity attribute of weight above 0 is known
 * on both sides. Without one, difference is 0 for want of data, not because the two are alike.
 */
export function differenceKnown(
  coachee: AttributeProfile,
  coach: AttributeProfile,
  attributes: readonly AttributeDeclaration[],
): boolean {
  return attributes.some((d) => d.role === 'identity' && d.weight > 0 && hasValue(attributeOf(coachee.attributes, d.key)) && hasValue(attributeOf(coach.attributes, d.key)));
}
