import { defineRoute } from '../defineRoute.js';
import type { MatchJobInput, MatchJobOutput } from '../jobs/matchJob.js';
import { jobFailureResponse } from '../jobFailureResponse.js';
import { pairLimitResponse } from '../pairLimitResponse.js';
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
    'the `x-coachmatch-status` header carries the status for every format.',
  bodySchema: { id: 'MatchRequest', schema: matchRequestSchema },
  parseBody: validatedInJob,
  querySchema: matchQuerySchema,
  responses: {
    '200': { description: 'The matching (JSON `Matching`, or a Markdown report with format=md).', contentType: 'application/json' },
  },
  async handler({ body, query }, context) {
    const result = await context.runJob(matchJob, { document: body, query, maxPairs: context.limits.maxPairs });
    if (result.status !== 'done') return jobFailureResponse(result);
    const output = result.value;
    if (output.outcome === 'tooLarge') return pairLimitResponse(output.pairs, context.limits.maxPairs, '$.coachees', output.what)!;
    return { status: 200, contentType: output.contentType, body: output.text, headers: { 'x-coachmatch-status': output.status } };
  },
});
