import type { AssignmentProblem } from '../../src/solver/types.js';

/** The problem with every weight multiplied by `factor` (exact for a power of two, short of overflow and denormals). */
export function scaledProblem(problem: AssignmentProblem, factor: number): AssignmentProblem {
  if (problem.weights !== undefined) return { ...problem, weights: problem.weights.map((row) => row.map((w) => (w === null ? null : w * factor))) };
  return { ...problem, edges: (problem.edges ?? []).map(([r, c, w]): [number, number, number] => [r, c, w * factor]) };
}
