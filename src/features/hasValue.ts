import type { AttributeValue } from '../model/attributeValuesSchema.js';

/**
 * True when an attribute value carries information: present, and for a set not empty, for
 * text not blank. Features skip attributes without a value on either side.
 */
export function hasValue(value: AttributeValue | undefined): value is AttributeValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  // Only a list is a set: anything else (a function found on Object.prototype) is no value.
  return Array.isArray(value) && value.length > 0;
}
