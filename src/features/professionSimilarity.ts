import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import { hasValue } from './hasValue.js';
import { normalizeText } from './normalizeText.js';
import { numericCloseness } from './numericCloseness.js';

function valueSimilarity(declaration: AttributeDeclaration, a: string, b: string): number {
  const norm = declaration.kind === 'text' ? normalizeText : (s: string) => s;
  const na = norm(a);
  const nb = norm(b);
  if (na === nb) return 1;
  const related = 'related' in declaration ? declaration.related : undefined;
  if (related === undefined) return 0;
  for (const group of related.groups) {
    const members = group.map(norm);
    if (members.includes(na) && members.includes(nb)) return related.credit;
  }
  return 0;
}

/**
 * How well a coach's value of one profession attribute meets the value a coachee aspires to,
 * in [0, 1] (before the attribute's `credit`): 1 for equal values, the declared
 * `related.credit` for values in one related group, else 0. For sets, the best pair of
 * elements (the coachee aims for any of their values, the coach holds any of theirs); for
 * numbers, {@link numericCloseness}. Missing values give 0.
 *
 * @example
 * ```ts
 * // role: related: { groups: [['trainer', 'learning designer']], credit: 0.6 }
 * professionSimilarity(role, 'trainer', 'learning designer'); // 0.6
 * ```
 */
export function professionSimilarity(
  declaration: AttributeDeclaration,
  aspired: AttributeValue | undefined,
  held: AttributeValue | undefined,
): number {
  if (!hasValue(aspired) || !hasValue(held)) return 0;
  if (declaration.kind === 'numeric') {
    return typeof aspired === 'number' && typeof held === 'number'
      ? numericCloseness(aspired, held, declaration.scale)
      : 0;
  }
  const as = typeof aspired === 'string' ? [aspired] : Array.isArray(aspired) ? aspired : [];
  const hs = typeof held === 'string' ? [held] : Array.isArray(held) ? held : [];
  let best = 0;
  for (const a of as) for (const h of hs) best = Math.max(best, valueSimilarity(declaration, a, h));
  return best;
}
