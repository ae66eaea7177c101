import { z } from 'zod';
import { attributeValuesSchema, type AttributeValues } from './attributeValuesSchema.js';
import type { DeepReadonly } from './deepReadonly.js';
import { idSchema } from './idSchema.js';
import { supportProfileSchema } from './supportProfileSchema.js';
import { MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/** Zod schema of a coachee record. */
export const coacheeSchema = z.strictObject({
  id: idSchema,
  name: boundedString(MAX_NAME_LENGTH, 'a name').min(1),
  attributes: attributeValuesSchema.default({}),
  aspiration: attributeValuesSchema
    .default({})
    .describe('Values of profession attributes the coachee aims for, e.g. { "sector": "healthcare", "role": "HR advisor" }.'),
  needs: supportProfileSchema.describe('Support the coachee needs (1–5 per kind).'),
  preferences: z.array(idSchema).meta({ uniqueItems: true }).default([]).describe('Coach ids, most wanted first, each once.'),
  avoid: z.array(idSchema).default([]).describe('Coach ids the coachee does not want ("not this coach").'),
  priority: z.number().min(0).max(1_000_000).default(1).describe('How much the coachee stands to gain; default 1.'),
  currentCoach: idSchema.optional().describe('The coach the coachee has now, if any.'),
});

/**
 * A coachee, with defaults filled (`preferences` and `avoid` empty, `priority` 1).
 * `preferences` keeps the coachee's ranking; `avoid` is sorted by id.
 */
export type Coachee = DeepReadonly<Omit<z.output<typeof coacheeSchema>, 'attributes' | 'aspiration'>> & {
  readonly attributes: AttributeValues;
  readonly aspiration: AttributeValues;
};
