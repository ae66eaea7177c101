import { scenarioSchema } from '../scenarioSchema.js';
import { MAX_NAME_LENGTH, boundedString } from '../textLimits.js';

/**
 * A scenario of `POST /compare`: a scenario file without its `base` path. Over HTTP the base
 * cohort travels inline in the request, so a request can never make the server read a file.
 */
export const scenarioChangesSchema = scenarioSchema
  .omit({ base: true })
  .extend({ name: boundedString(MAX_NAME_LENGTH, 'a name').min(1).optional().describe('Shown in comparisons; defaults to "scenario N" (its 1-based position). Names must differ (also when they only print alike).') })
  .describe('A what-if scenario: changes to the base cohort.');
