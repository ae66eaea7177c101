import { defineRoute } from '../defineRoute.js';
import type { ExplainJobInput } from '../jobs/explainJob.js';
import type { ReportJobOutput } from '../jobs/reportJobOutput.js';
import { explainRequestSchema } from '../../model/http/explainRequestSchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';
import { reportResponse } from './reportResponse.js';

const explainJob: JobRef<ExplainJobInput, ReportJobOutput> = { module: new URL('../jobs/explainJob.js', import.meta.url).href, name: 'explainJob' };

/** `POST /explain`: the cohort document of `coachmatch explain` in, why each coachee got their coach out. */
export const explainRoute = defineRoute({
  method: 'POST',
  path: '/explain',
  summary: 'Explain a matching',
  description:
    'Matches the cohort and explains it as `coachmatch explain`: per coachee the chosen coach\'s score by term and the k ' +
    'cheapest alternatives, each with the exact loss if forced and what stands in the way. Options (coacheeIds, k, preset, ' +
    'allowUnmatched, format) go in the body\'s `options` field. An infeasible matching is a 200 whose `status` is `infeasible`; ' +
    'the `x-coachmatch-status` header carries the status for every format.',
  bodySchema: { id: 'ExplainRequest', schema: explainRequestSchema },
  parseBody: validatedInJob,
  responses: { '200': { description: 'The explanation (JSON `Explanation`, or a Markdown report with format=md).', contentType: 'application/json' } },
  async handler({ body }, context) {
    return reportResponse(await context.runJob(explainJob, { body, maxPairs: context.limits.maxPairs }));
  },
});
