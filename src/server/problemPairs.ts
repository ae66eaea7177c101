import type { AssignmentProblem } from '../solver/types.js';

/**
 * Size of a solver problem for the pair limit: cells of `weights`, or edges; `rows`/`cols`
 * count too, since the solver allocates per row and column even when edges are few.
 */
export function problemPairs(problem: AssignmentProblem): number {
  const cells = problem.weights?.reduce((sum, row) => sum + row.length, 0) ?? problem.edges?.length ?? 0;
  return Math.max(cells, problem.rows ?? 0, problem.cols ?? 0, problem.weights?.length ?? 0);
}
