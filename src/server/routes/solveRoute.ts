import { problemFileSchema } from '../../model/problemFileSchema.js';
import { defineRoute } from '../defineRoute.js';
import type { SolveJobInput, SolveJobOutput } from '../jobs/solveJob.js';
import { jobFailureResponse } from '../jobFailureResponse.js';
import { pairLimitResponse } from '../pairLimitResponse.js';
import { solveQuerySchema } from '../../model/http/solveQuerySchema.js';
import type { JobRef } from '../types.js';
import { validatedInJob } from '../validatedInJob.js';

const solveJob: JobRef<SolveJobInput, SolveJobOutput> = { module: new URL('../jobs/solveJob.js', import.meta.url).href, name: 'solveJob' };

/** `POST /solve`: the bare solver of `coachmatch solve` (`?method=auto|jv|flow|lp`). */
export const solveRoute = defineRoute({
  method: 'POST',
  path: '/solve',
  summary: 'Solve an assignment problem',
  description:
    'Solves a weighted, capacitated assignment problem exactly, as `coachmatch solve`. An infeasible problem is a 200 ' +
    'whose `status` is `infeasible`, with a diagnosis.',
  bodySchema: { id: 'AssignmentProblem', schema: problemFileSchema },
  parseBody: validatedInJob,
  querySchema: solveQuerySchema,
  responses: { '200': { description: 'The solver result: status, objective, assignment, loads, duals, diagnosis.', contentType: 'application/json' } },
  async handler({ body, query }, context) {
    const result = await context.runJob(solveJob, { body, method: query.method ?? 'auto', maxPairs: context.limits.maxPairs });
    if (result.status !== 'done') return jobFailureResponse(result);
    const output = result.value;
    if (output.outcome === 'tooLarge') return pairLimitResponse(output.pairs, context.limits.maxPairs, '$', 'the problem', output.unit)!;
    return { status: 200, contentType: 'application/json; charset=utf-8', body: output.text, headers: { 'x-coachmatch-status': output.status } };
  },
});
