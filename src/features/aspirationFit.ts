import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValues } from '../model/attributeValuesSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { professionSimilarity } from './professionSimilarity.js';

/**
 * How closely the coach's job resembles the job the coachee aspires to, in [0, 1]: the best,
 * over the profession attributes, of the attribute's `credit` × {@link professionSimilarity}.
 * With `role` (credit 1, related roles at 0.6) and `sector` (credit 0.5): same role → 1,
 * related role → 0.6, only the same sector → 0.5, nothing in common → 0. Identity attributes
 * are ignored.
 *
 * @remarks The best single attribute, not a sum: a coach in the aspired role is a full fit
 * whatever the sector, and the same sector alone is only partial credit.
 *
 * @example
 * ```ts
 * aspirationFit({ aspiration: { sector: 'healthcare', role: 'HR advisor' } },
 *               { attributes: { sector: 'healthcare', role: 'nurse' } }, attributes); // 0.5
 * ```
 */
export function aspirationFit(
  coachee: { readonly aspiration: AttributeValues },
  coach: AttributeProfile,
  declaration: readonly AttributeDeclaration[],
): number {
  let best = 0;
  for (const d of declaration) {
    if (d.role !== 'profession') continue;
    best = Math.max(best, d.credit * professionSimilarity(d, attributeOf(coachee.aspiration, d.key), attributeOf(coach.attributes, d.key)));
  }
  return best;
}
