import { z } from 'zod';
import { attributeValuesSchema, type AttributeValues } from './attributeValuesSchema.js';
import type { DeepReadonly } from './deepReadonly.js';
import { idSchema } from './idSchema.js';
import { MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/** Zod schema of a person who is neither coach nor coachee (evaluator, manager, family member). */
export const personSchema = z.strictObject({
  id: idSchema,
  name: boundedString(MAX_NAME_LENGTH, 'a name').min(1),
  attributes: attributeValuesSchema.default({}),
});

/** Someone named in relations who is neither coach nor coachee. */
export type Person = DeepReadonly<Omit<z.output<typeof personSchema>, 'attributes'>> & {
  readonly attributes: AttributeValues;
};
