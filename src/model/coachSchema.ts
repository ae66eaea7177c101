import { z } from 'zod';
import { boundedInt } from './boundedInt.js';
import { attributeValuesSchema, type AttributeValues } from './attributeValuesSchema.js';
import type { DeepReadonly } from './deepReadonly.js';
import { idSchema } from './idSchema.js';
import { supportProfileSchema } from './supportProfileSchema.js';
import { MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/** Most places a coach may have, and the most coachees its minimum load may ask for. */
export const MAX_LOAD = 1_000_000;

/** Zod schema of a coach record. */
export const coachSchema = z.strictObject({
  id: idSchema,
  name: boundedString(MAX_NAME_LENGTH, 'a name').min(1),
  capacity: boundedInt(0, MAX_LOAD).describe('Maximum number of coachees.'),
  minLoad: boundedInt(0, MAX_LOAD).default(0).describe('Minimum number of coachees the coach must get (a hard constraint), at most capacity; default 0.'),
  attributes: attributeValuesSchema.default({}),
  support: supportProfileSchema.describe('Support the coach offers (1–5 per kind).'),
  active: z.boolean().default(true).describe('Available in this round; inactive coaches are left out of the pool.'),
  type: z.enum(['internal', 'external']).default('external').describe('Internal (employee) or external coach.'),
});

/**
 * A coach, with defaults filled (`minLoad` 0, `active` true, `type` 'external').
 * Only active coaches form the pool that features and matchings use.
 */
export type Coach = DeepReadonly<Omit<z.output<typeof coachSchema>, 'attributes'>> & {
  readonly attributes: AttributeValues;
};
