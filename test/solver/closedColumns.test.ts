import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectBruteForceOptimum, methodsFor } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';
import { problemArbitrary, shapeOf } from '../helpers/problemArbitrary.js';

/** A column of capacity 0 takes no row: its weights, however large, must change nothing. */

/** `problem` with a column of capacity 0 inserted at `at`, row i's pair there weighing `weights[i]` (null: forbidden). */
function withClosedColumn(problem: AssignmentProblem, at: number, weights: readonly (number | null)[]): AssignmentProblem {
  const { rows, cols } = shapeOf(problem);
  const insert = <T>(values: readonly T[], value: T): T[] => [...values.slice(0, at), value, ...values.slice(at)];
  const capacity = insert(problem.capacity ?? new Array<number>(cols).fill(1), 0);
  const minLoad = problem.minLoad === undefined ? {} : { minLoad: insert(problem.minLoad, 0) };
  const shifted = (j: number) => (j >= at ? j + 1 : j);
  if (problem.weights !== undefined) {
    return { ...problem, ...minLoad, capacity, cols: cols + 1, weights: problem.weights.map((row, i) => insert(row, weights[i]!)) };
  }
  const edges = (problem.edges ?? []).map(([r, c, w]): [number, number, number] => [r, shifted(c), w]);
  weights.slice(0, rows).forEach((w, i) => {
    if (w !== null) edges.push([i, at, w]);
  });
  return { ...problem, ...minLoad, capacity, cols: cols + 1, edges };
}

/** The closed column's duals cover its pairs, with the sign of a binding capacity's dual (max: `>= 0`, min: `<= 0`). */
function expectClosedColumnCovered(problem: AssignmentProblem, result: AssignmentResult, at: number, weights: readonly (number | null)[]): void {
  if (result.status !== 'optimal') return;
  const sign = problem.sense === 'min' ? -1 : 1;
  const { row, col } = result.duals;
  expect(sign * col[at]!).toBeGreaterThanOrEqual(0);
  weights.forEach((w, i) => {
    if (w === null) return;
    // Rounding of one subtraction and one addition: an ulp or two of the larger term.
    const tol = 1e-15 * Math.max(Math.abs(w), Math.abs(row[i]!));
    expect(sign * (row[i]! + col[at]! - w), `closed pair (${i}, ${at})`).toBeGreaterThanOrEqual(-tol);
  });
}

describe('columns of capacity 0', () => {
  // Expected answers by hand: column 0 takes no row, so only the other columns count.
  it('a weight of 1e16 on a closed column does not hide a difference of 1 (allowUnmatched)', () => {
    // One place (column 1) for two rows: row 0 there weighs 2, row 1 weighs 1.
    const problem: AssignmentProblem = { weights: [[1e16, 2], [0, 1]], capacity: [0, 1], allowUnmatched: true };
    for (const method of methodsFor(problem)) {
      const result = solveAssignment(problem, { method });
      expect(result.status, method).toBe('optimal');
      expect(result.objective, method).toBe(2);
      expect(result.assignment, method).toEqual([1, null]);
      expectBruteForceOptimum(problem, result, bruteForce(problem));
      expectClosedColumnCovered(problem, result, 0, [1e16, 0]);
    }
  });

  it('a weight of 1e16 on a closed column does not hide a better placement (every row placed)', () => {
    // Column 1 (one place) takes row 0 (5), 1 (4) or 2 (0), the others go to column 2 (1 each, row 0: 0):
    // 5 + 1 + 1 = 7, 4 + 0 + 1 = 5, 0 + 0 + 1 = 1.
    const problem: AssignmentProblem = { weights: [[1e16, 5, 0], [0, 4, 1], [0, 0, 1]], capacity: [0, 1, 2] };
    for (const method of methodsFor(problem)) {
      const result = solveAssignment(problem, { method });
      expect(result.objective, method).toBe(7);
      expect(result.assignment, method).toEqual([1, 2, 2]);
      expectClosedColumnCovered(problem, result, 0, [1e16, 0, 0]);
    }
  });

  it('adding a closed column with arbitrary weights changes nothing, and its duals cover its pairs', () => {
    const bigWeight = fc.oneof(fc.double({ min: -1e18, max: 1e18, noNaN: true }), fc.constantFrom(1e16, -1e16, 1e17, -3e17, 0));
    const arbitrary = problemArbitrary({ maxRows: 6, maxCols: 3 }).chain((problem) => {
      const { rows, cols } = shapeOf(problem);
      return fc.record({
        problem: fc.constant(problem),
        at: fc.integer({ min: 0, max: cols }),
        weights: fc.array(fc.option(bigWeight, { nil: null }), { minLength: rows, maxLength: rows }),
      });
    });
    fc.assert(
      fc.property(arbitrary, ({ problem, at, weights }) => {
        const closed = withClosedColumn(problem, at, weights);
        const oracle = bruteForce(problem);
        for (const method of methodsFor(closed)) {
          const result = solveAssignment(closed, { method });
          expectBruteForceOptimum(closed, result, oracle);
          if (result.status !== 'optimal') continue;
          // The duals of the other columns certify the problem without the closed one, at its own scale.
          const keep = <T>(values: readonly T[]) => values.filter((_, j) => j !== at);
          const unshift = (j: number | null) => (j === null || j < at ? j : j - 1);
          expectBruteForceOptimum(problem, { ...result, assignment: result.assignment.map(unshift), loads: keep(result.loads), duals: { row: result.duals.row, col: keep(result.duals.col) } }, oracle);
          expectClosedColumnCovered(closed, result, at, weights);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
