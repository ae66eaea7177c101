import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import { categoricalMatch } from './categoricalMatch.js';
import { numericCloseness } from './numericCloseness.js';
import { setOverlap } from './setOverlap.js';
import { textMatch } from './textMatch.js';

const asString = (v: AttributeValue | undefined) => (typeof v === 'string' ? v : undefined);
const asNumber = (v: AttributeValue | undefined) => (typeof v === 'number' ? v : undefined);
const asSet = (v: AttributeValue | undefined) => (Array.isArray(v) ? (v as readonly string[]) : undefined);

/**
 * Graded similarity of two values of one declared attribute, in [0, 1], by its kind:
 * {@link categoricalMatch}, {@link textMatch}, {@link numericCloseness} on the declared scale,
 * or {@link setOverlap}. Symmetric; a missing value gives 0.
 *
 * @example
 * ```ts
 * attributeSimilarity({ key: 'age', kind: 'numeric', scale: { min: 20, max: 70 }, … }, 25, 35); // 0.8
 * ```
 */
export function attributeSimilarity(
  declaration: AttributeDeclaration,
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
): number {
  switch (declaration.kind) {
    case 'categorical':
      return categoricalMatch(asString(a), asString(b));
    case 'text':
      return textMatch(asString(a), asString(b));
    case 'numeric':
      return numericCloseness(asNumber(a), asNumber(b), declaration.scale);
    case 'set':
      return setOverlap(asSet(a), asSet(b));
  }
}
