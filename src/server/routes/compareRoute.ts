import { defineRoute } from '../defineRoute.js';
import type { CompareJobInput } from '../jobs/compareJob.js';
import type { ReportJobOutput } from '../jobs/reportJobOutput.js';
import { compareRequestSchema } from '../../model/http/compareRequestSchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';
import { reportResponse } from './reportResponse.js';

const compareJob: JobRef<CompareJobInput, ReportJobOutput> = { module: new URL('../jobs/compareJob.js', import.meta.url).href, name: 'compareJob' };

/** `POST /compare`: what-if scenarios on an inline base cohort, as `coachmatch compare`. */
export const compareRoute = defineRoute({
  method: 'POST',
  path: '/compare',
  summary: 'Compare what-if scenarios',
  description:
    'Runs each scenario (changes to the inline `base` cohort: policy, capacities, coaches removed or added, pins, bans) and ' +
    'returns their KPIs side by side and every coachee whose coach changes, with the reason, as `coachmatch compare`; the first ' +
    'scenario is the baseline. With `sweep` and exactly one scenario: the trade-off curve over one policy field. The pair limit ' +
    'applies to each scenario and to all runs together. `x-coachmatch-status` is `optimal` when every run is, else the first ' +
    'other status (`infeasible`, `pinConflict`).',
  bodySchema: { id: 'CompareRequest', schema: compareRequestSchema },
  parseBody: validatedInJob,
  responses: {
    '200': { description: 'The comparison (JSON `{ scenarios, kpis, changes }`; with a sweep `{ scenario, sweep, points }`; or Markdown with format=md).', contentType: 'application/json' },
  },
  async handler({ body }, context) {
    return reportResponse(await context.runJob(compareJob, { body, maxPairs: context.limits.maxPairs }));
  },
});
