import type { AttributeValues } from '../model/attributeValuesSchema.js';

/** Anything with attribute values: a coach, a coachee or a person of a parsed cohort. */
export interface AttributeProfile {
  readonly attributes: AttributeValues;
}
