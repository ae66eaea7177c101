import { CoachmatchError, type CoachmatchErrorKind, type InputIssue } from '../errors.js';
import type { ProblemType } from './problemTypes.js';
import { problemResponse } from './problemResponse.js';
import type { RouteResponse } from './types.js';

const typeOfKind: Record<CoachmatchErrorKind, ProblemType> = {
  invalidCohort: 'invalid-cohort',
  invalidProblem: 'invalid-problem',
  invalidScenario: 'invalid-scenario',
  invalidArgument: 'invalid-request',
  internal: 'internal-error',
};

/** The problem response for an error of `kind`: a 422 listing the issues, or a bare 500 for `internal`. */
export function kindResponse(kind: CoachmatchErrorKind, summary: string, issues: readonly InputIssue[], issueCount = issues.length): RouteResponse {
  const type = typeOfKind[kind] ?? 'internal-error';
  if (type === 'internal-error') return problemResponse(type, 'An internal invariant failed; please report it.');
  return problemResponse(type, summary, issues, undefined, issueCount);
}

/**
 * Turns anything a handler threw into a problem response: a {@link CoachmatchError} about the
 * input becomes a 422 listing its issues; anything else is a bug and a bare 500 (its message
 * is not echoed, since it may quote the input).
 */
export function errorResponse(error: unknown): RouteResponse {
  if (error instanceof CoachmatchError) {
    // The summary is the title's detail; the issues travel as structured `errors`.
    return kindResponse(error.kind, error.summary, error.issues, error.issueCount);
  }
  return problemResponse('internal-error', 'Unexpected server error; please report it.');
}
