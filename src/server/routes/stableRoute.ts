import { defineRoute } from '../defineRoute.js';
import type { ReportJobOutput } from '../jobs/reportJobOutput.js';
import type { StableJobInput } from '../jobs/stableJob.js';
import { stablePrefsSchema } from '../../model/stablePrefsSchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';
import { reportResponse } from './reportResponse.js';

const stableJob: JobRef<StableJobInput, ReportJobOutput> = { module: new URL('../jobs/stableJob.js', import.meta.url).href, name: 'stableJob' };

/** `POST /stable`: stable matching from ranked lists by id, as `coachmatch stable`. */
export const stableRoute = defineRoute({
  method: 'POST',
  path: '/stable',
  summary: 'Stable matching from ranked lists',
  description:
    'Deferred acceptance on the preferences file of `coachmatch stable`: `coacheePrefs` and `coachPrefs` (ids, best first), ' +
    'optional `capacity` per coach (default 1) and `optimal` (`coachee`, the default, or `coach`). A pair is acceptable only ' +
    'when both list each other. Unknown or repeated ids: 422 with their paths.',
  bodySchema: { id: 'StablePreferences', schema: stablePrefsSchema },
  parseBody: validatedInJob,
  responses: { '200': { description: 'The stable matching: `{ matching: {coachId: [coacheeId, …]}, unmatched: [coacheeId, …] }`.', contentType: 'application/json' } },
  async handler({ body }, context) {
    return reportResponse(await context.runJob(stableJob, { body, maxPairs: context.limits.maxPairs }));
  },
});
