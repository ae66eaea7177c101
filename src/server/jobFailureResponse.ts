import { kindResponse } from './errorResponse.js';
import { problemResponse } from './problemResponse.js';
import type { JobResult, RouteResponse } from './types.js';

/**
 * The problem response for a job that did not finish: a body that is not JSON → 400, its
 * input rejected → 422, the client gone → 499 (for the log), time limit or queue full → 503,
 * a crash → 500.
 */
export function jobFailureResponse(result: Exclude<JobResult<unknown>, { status: 'done' }>): RouteResponse {
  switch (result.status) {
    case 'malformedBody':
      return problemResponse('malformed-json', `The body is not valid JSON: ${result.message}`, [{ path: '$', message: result.message }]);
    case 'rejected':
      return kindResponse(result.kind, result.summary, result.issues, result.issueCount);
    case 'timedOut':
      return problemResponse(
        'time-limit-exceeded',
        `The computation was stopped after ${result.limitMs} ms. Try a smaller problem, or ask the operator for a longer --time-limit.`,
        [],
        { 'retry-after': '1' },
      );
    case 'cancelled':
      return problemResponse('client-closed-request', 'The client closed the request before the answer; the computation was stopped.');
    case 'busy':
      return problemResponse('server-busy', `${result.queued} requests are already waiting; retry shortly.`, [], { 'retry-after': '1' });
    case 'failed':
      // Not result.message: an exception's text may quote the input, as errorResponse says.
      return problemResponse('internal-error', 'The computation failed unexpectedly; please report it.');
  }
}
