import { defaultPairLimits } from '../defaultPairLimits.js';
import { defineRoute } from '../defineRoute.js';
import { LARGE_COHORT_PAIRS } from '../../engine/match.js';
import type { MatchJobInput, MatchJobOutput } from '../jobs/matchJob.js';
import { jobFailureResponse } from '../jobFailureResponse.js';
import { matchLimitResponse } from '../matchPairLimit.js';
import { matchQuerySchema } from '../../model/http/matchOptionsSchema.js';
import { matchRequestSchema } from '../../model/http/matchRequestSchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';

const matchJob: JobRef<MatchJobInput, MatchJobOutput> = { module: new URL('../jobs/matchJob.js', import.meta.url).href, name: 'matchJob' };

/** `POST /match`: the cohort document of `coachmatch match` in, the explained matching out. */
export const matchRoute = defineRoute({
  method: 'POST',
  path: '/match',
  summary: 'Match a cohort',
  description:
    'Validates the cohort (every problem with its JSON path, as `coachmatch validate`) and returns the explained ' +
    'matching of `coachmatch match`. Options go in the body\'s `options` field or the query string (the body wins). ' +
    'An infeasible matching (only with allowUnmatched=false) is a 200 whose `status` is `infeasible`, with a diagnosis; ' +
    'the `x-coachmatch-status` header carries the status for every format. ' +
    'Size limits follow how the cohort will be matched, counted as coachees × active coaches: on every pair ' +
    `(candidates=never, or auto up to ${LARGE_COHORT_PAIRS} pairs) up to the server's maxPairs ` +
    `(default ${defaultPairLimits.maxPairs}), on candidate pairs (always, or auto beyond) up to its maxCandidatePairs ` +
    `(default ${defaultPairLimits.maxCandidatePairs}); beyond, a 422 problem-too-large at $.coachees names the limit.`,
  bodySchema: { id: 'MatchRequest', schema: matchRequestSchema },
  parseBody: validatedInJob,
  querySchema: matchQuerySchema,
  responses: {
    '200': { description: 'The matching (JSON `Matching`, or a Markdown report with format=md).', contentType: 'application/json' },
  },
  async handler({ body, query }, context) {
    const limits = { maxPairs: context.limits.maxPairs, maxCandidatePairs: context.limits.maxCandidatePairs };
    const result = await context.runJob(matchJob, { body, query, limits });
    if (result.status !== 'done') return jobFailureResponse(result);
    const output = result.value;
    if (output.outcome === 'tooLarge') return matchLimitResponse(output, limits);
    return { status: 200, contentType: output.contentType, body: output.text, headers: { 'x-coachmatch-status': output.status } };
  },
});
