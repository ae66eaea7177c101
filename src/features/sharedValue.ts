import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import { compareIds } from '../model/compareIds.js';
import { hasValue } from './hasValue.js';
import { normalizeText } from './normalizeText.js';

/** One piece of common ground, for naming it in words ("both grew up in Heerlen"). */
export interface SharedGround {
  readonly key: string;
  readonly label: string;
  /**
   * What is shared, as the coachee has it: the common value (categorical, text), the common
   * elements sorted (set), or the coachee's number (numeric; see `coachValue`).
   */
  readonly value: AttributeValue;
  /** Numeric attributes only: the coach's number, within `sharedWithin` of `value`. */
  readonly coachValue?: number;
}

/**
 * The common ground two people have on one attribute, or `undefined` when they share none.
 * Sharing is all-or-nothing so it can be named: equal values (categorical; text after
 * normalisation), at least one common element (set), or numbers at most `sharedWithin` apart.
 *
 * @example
 * ```ts
 * sharedValue(hobbies, ['chess', 'jazz'], ['jazz']); // { key: 'hobbies', label: 'Hobbies', value: ['jazz'] }
 * ```
 */
export function sharedValue(
  declaration: AttributeDeclaration,
  coacheeValue: AttributeValue | undefined,
  coachValue: AttributeValue | undefined,
): SharedGround | undefined {
  if (!hasValue(coacheeValue) || !hasValue(coachValue)) return undefined;
  const { key, label } = declaration;
  switch (declaration.kind) {
    case 'categorical':
      return coacheeValue === coachValue ? { key, label, value: coacheeValue } : undefined;
    case 'text':
      return typeof coacheeValue === 'string' &&
        typeof coachValue === 'string' &&
        normalizeText(coacheeValue) === normalizeText(coachValue)
        ? { key, label, value: coacheeValue }
        : undefined;
    case 'numeric':
      return typeof coacheeValue === 'number' &&
        typeof coachValue === 'number' &&
        Math.abs(coacheeValue - coachValue) <= declaration.sharedWithin
        ? { key, label, value: coacheeValue, coachValue }
        : undefined;
    case 'set': {
      if (!Array.isArray(coacheeValue) || !Array.isArray(coachValue)) return undefined;
      const other = new Set<string>(coachValue);
      const common = [...new Set<string>(coacheeValue)].filter((x) => other.has(x)).sort(compareIds);
      return common.length > 0 ? { key, label, value: common } : undefined;
    }
  }
}
