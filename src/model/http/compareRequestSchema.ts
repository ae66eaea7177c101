import { z } from 'zod';
import { cohortSchema } from '../cohortSchema.js';
import { sweepablePolicyPaths } from '../scenarioSchema.js';
import { reportFormatSchema } from './reportFormatSchema.js';
import { scenarioChangesSchema } from './scenarioChangesSchema.js';

/**
 * A `POST /compare` body: what `coachmatch compare` reads from scenario files, with the base
 * cohort inline (`base`) instead of a path, and `--sweep` and `--format` as fields.
 */
export const compareRequestSchema = z
  .strictObject({
    // Not described here: a described copy would no longer be the shared `Cohort` component.
    base: cohortSchema,
    scenarios: z.array(scenarioChangesSchema).min(1).describe('The scenarios, each a set of changes to the base; the first is the baseline.'),
    sweep: z
      .string()
      .optional()
      .describe(`With exactly one scenario: vary one policy field, written path=from:to:steps (e.g. weights.difference=0:1:10); path is one of ${sweepablePolicyPaths.join(', ')}.`),
    format: reportFormatSchema.optional(),
  })
  .describe('What-if scenarios on an inline base cohort, compared side by side (or one scenario swept over a policy field).');
