import { z } from 'zod';
import { keyedRecordSchema } from './keyedRecordSchema.js';
import { describeValue } from '../text/describeValue.js';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_SET_SIZE, boundedString } from './textLimits.js';

/**
 * Zod schema of one attribute value: a string (categorical, text), a number (numeric) or a
 * list of strings (set). Whether it matches the declared kind is checked against the
 * cohort's declarations by {@link parseCohort}.
 */
export const attributeValueSchema = z.union(
  [
    boundedString(MAX_NAME_LENGTH, 'a value'),
    z.number(),
    z.array(boundedString(MAX_NAME_LENGTH, 'a value')).max(MAX_SET_SIZE, { error: `a set holds at most ${MAX_SET_SIZE} values` }),
  ],
  // A value none of the three (null, true, an object) got a bare "Invalid input".
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      if (Array.isArray(issue.input)) return `a set value is a list of at most ${MAX_SET_SIZE} strings, each at most ${MAX_NAME_LENGTH} characters long`;
      return `expected a string, a number or a list of strings, got ${describeValue(issue.input)}`;
    },
  },
);

/** Zod schema of an attribute record: declared key → value. */
export const attributeValuesSchema = keyedRecordSchema(boundedString(MAX_ID_LENGTH, 'an attribute key'), attributeValueSchema);

/** One attribute value (see {@link attributeValueSchema}); sets are sorted and de-duplicated once parsed. */
export type AttributeValue = string | number | readonly string[];

/** A person's attribute values by declared key; an absent key is an unknown value. */
export type AttributeValues = Readonly<Record<string, AttributeValue>>;
