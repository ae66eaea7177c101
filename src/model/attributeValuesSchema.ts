import { z } from 'zod';
import { keyedRecordSchema } from './keyedRecordSchema.js';

/**
 * Zod schema of one attribute value: a string (categorical, text), a number (numeric) or a
 * list of strings (set). Whether it matches the declared kind is checked against the
 * cohort's declarations by {@link parseCohort}.
 */
export const attributeValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);

/** Zod schema of an attribute record: declared key → value. */
export const attributeValuesSchema = keyedRecordSchema(z.string(), attributeValueSchema);

/** One attribute value (see {@link attributeValueSchema}); sets are sorted and de-duplicated once parsed. */
export type AttributeValue = string | number | readonly string[];

/** A person's attribute values by declared key; an absent key is an unknown value. */
export type AttributeValues = Readonly<Record<string, AttributeValue>>;
