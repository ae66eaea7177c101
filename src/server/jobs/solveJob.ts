import { readJsonBody } from '../readJsonBody.js';
import { solveAssignment } from '../../solver/solveAssignment.js';
import type { SolverMethod } from '../../solver/types.js';
import { parseProblemFile } from '../../model/problemFileSchema.js';
import { problemPairs } from '../problemPairs.js';

/** Input of {@link solveJob}: the body's bytes, the method, the pair limit. */
export interface SolveJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly method: SolverMethod;
  readonly maxPairs: number;
}

/** Output of {@link solveJob}: the result as JSON text, or the size that exceeds the limit. */
export type SolveJobOutput =
  | { readonly outcome: 'solved'; readonly status: 'optimal' | 'infeasible'; readonly text: string }
  | { readonly outcome: 'tooLarge'; readonly pairs: number; readonly unit: 'pairs' | 'rows' | 'columns' };

/**
 * Validates and solves an assignment problem as `coachmatch solve` does; runs in a job worker.
 *
 * @throws CoachmatchError of kind `invalidProblem` listing every issue.
 */
export function solveJob(input: SolveJobInput): SolveJobOutput {
  const problem = parseProblemFile(readJsonBody(input.body));
  const pairs = problemPairs(problem);
  if (pairs > input.maxPairs) {
    // The size is the largest of pairs, rows and columns (see problemPairs): say which it is.
    const unit = pairs === (problem.rows ?? problem.weights?.length) ? 'rows' : pairs === problem.cols ? 'columns' : 'pairs';
    return { outcome: 'tooLarge', pairs, unit };
  }
  const result = solveAssignment(problem, { method: input.method });
  return { outcome: 'solved', status: result.status, text: JSON.stringify(result) };
}
