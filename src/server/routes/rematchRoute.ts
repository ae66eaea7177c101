import { defineRoute } from '../defineRoute.js';
import type { RematchJobInput } from '../jobs/rematchJob.js';
import type { ReportJobOutput } from '../jobs/reportJobOutput.js';
import { rematchRequestSchema } from '../../model/http/rematchRequestSchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';
import { reportResponse } from './reportResponse.js';

const rematchJob: JobRef<RematchJobInput, ReportJobOutput> = { module: new URL('../jobs/rematchJob.js', import.meta.url).href, name: 'rematchJob' };

/** `POST /rematch`: re-match after exit requests and coach drop-outs, as `coachmatch rematch`. */
export const rematchRoute = defineRoute({
  method: 'POST',
  path: '/rematch',
  summary: 'Re-match after exits and drop-outs',
  description:
    'Re-matches the cohort keeping current pairs (each coachee\'s currentCoach, or `options.current`) unless a change gains ' +
    'more than `changePrice`; grants `exits` only to a coach better by `exitMargin`; moves the coachees of `dropouts`; never ' +
    'moves `pins`. Conflicting pins are a 200 whose `status` is `pinConflict`, with a diagnosis; `x-coachmatch-status` carries the status.',
  bodySchema: { id: 'RematchRequest', schema: rematchRequestSchema },
  parseBody: validatedInJob,
  responses: { '200': { description: 'The re-match (JSON: matching, moves with reasons, exits granted and refused; or Markdown with format=md).', contentType: 'application/json' } },
  async handler({ body }, context) {
    return reportResponse(await context.runJob(rematchJob, { body, maxPairs: context.limits.maxPairs }));
  },
});
