import type { AttributeValue, AttributeValues } from './attributeValuesSchema.js';

/**
 * A person's value of attribute `key`, or undefined when they have none. An own property
 * only: a plain lookup finds Object.prototype's members, so an attribute named "constructor"
 * or "toString" would read a function as everyone's value and count as common ground.
 */
export function attributeOf(values: AttributeValues, key: string): AttributeValue | undefined {
  return Object.hasOwn(values, key) ? values[key] : undefined;
}
