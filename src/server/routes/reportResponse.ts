import type { ReportJobOutput } from '../jobs/reportJobOutput.js';
import { jobFailureResponse } from '../jobFailureResponse.js';
import { pairLimitResponse } from '../pairLimitResponse.js';
import type { JobResult, RouteResponse } from '../types.js';

/**
 * The answer of a report route from its job's result: the report (with `x-coachmatch-status`
 * when the job gave one), a 422 `problem-too-large`, or the job's failure as a problem.
 */
export function reportResponse(result: JobResult<ReportJobOutput>): RouteResponse {
  if (result.status !== 'done') return jobFailureResponse(result);
  const output = result.value;
  if (output.outcome === 'tooLarge') return pairLimitResponse(output.pairs, output.limit, output.path, output.what)!;
  return {
    status: 200,
    contentType: output.contentType,
    body: output.text,
    ...(output.status === undefined ? {} : { headers: { 'x-coachmatch-status': output.status } }),
  };
}
