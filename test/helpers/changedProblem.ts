import fc from 'fast-check';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, WarmStart } from '../../src/solver/types.js';

/** Shifts for {@link perturbed}: small moves, fractional ones too. */
export const weightShifts = fc.array(fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 7 });

/** The problem with every allowed weight moved by one of `shifts` in turn: a changed problem to re-solve. */
export function perturbed(problem: AssignmentProblem, shifts: readonly number[]): AssignmentProblem {
  let at = 0;
  const shift = () => shifts[at++ % shifts.length]!;
  if (problem.weights !== undefined) return { ...problem, weights: problem.weights.map((row) => row.map((w) => (w === null || !Number.isFinite(w) ? w : w + shift()))) };
  return { ...problem, edges: problem.edges!.map(([i, j, w]) => [i, j, w + shift()] as [number, number, number]) };
}

/**
 * The problem perturbed by `shifts`, with the old problem's optimal solution as a start to
 * re-solve it from; null when the old problem has no optimum (a property skips such cases).
 */
export function changedWithOldSolution(problem: AssignmentProblem, shifts: readonly number[]): { changed: AssignmentProblem; start: WarmStart } | null {
  const before = solveAssignment(problem, { method: 'flow' });
  if (before.status !== 'optimal') return null;
  return { changed: perturbed(problem, shifts), start: { assignment: before.assignment, colDual: before.duals.col } };
}
