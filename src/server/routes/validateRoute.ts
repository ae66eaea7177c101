import { cohortSchema } from '../../model/cohortSchema.js';
import { defineRoute } from '../defineRoute.js';
import type { ValidateJobInput, ValidateJobOutput } from '../jobs/validateJob.js';
import { jobFailureResponse } from '../jobFailureResponse.js';
import { jsonResponse } from '../jsonResponse.js';
import { validationSummarySchema } from '../../model/http/validationSummarySchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';

const validateJob: JobRef<ValidateJobInput, ValidateJobOutput> = { module: new URL('../jobs/validateJob.js', import.meta.url).href, name: 'validateJob' };

/** `POST /validate`: as `coachmatch validate`, a 200 summary for a valid cohort, a 422 listing every problem otherwise. */
export const validateRoute = defineRoute({
  method: 'POST',
  path: '/validate',
  summary: 'Validate a cohort',
  description: 'Checks a cohort document: schema and cross-record rules. Invalid: 422 with every problem and its JSON path.',
  bodySchema: { id: 'Cohort', schema: cohortSchema },
  parseBody: validatedInJob,
  responses: { '200': { description: 'The cohort is valid.', schema: { id: 'ValidationSummary', schema: validationSummarySchema } } },
  async handler({ body }, context) {
    const result = await context.runJob(validateJob, { body });
    return result.status === 'done' ? jsonResponse(result.value) : jobFailureResponse(result);
  },
});
