import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentResult, WarmStart } from '../../src/solver/types.js';
import { anyStart } from '../helpers/anyStart.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectBruteForceOptimum, methodsFor } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';
import { scaledProblem } from '../helpers/scaledProblem.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';

/**
 * The solver's promise holds at any weight scale. Multiplying by a power of two is exact (short
 * of overflow and denormals), so a result at weights × 2^k, multiplied back by 2^-k, must be the
 * brute-force optimum of the unscaled problem, with duals that certify it at that problem's scale
 * (where the checks' tolerances are meaningful).
 */

function scaledResult(result: AssignmentResult, factor: number): AssignmentResult {
  if (result.status !== 'optimal') return result;
  const times = (v: number) => v * factor;
  return { ...result, objective: result.objective * factor, duals: { row: result.duals.row.map(times), col: result.duals.col.map(times) } };
}

/** The total of an assignment in the integer weights a test scaled down. */
function integerTotal(weights: readonly (readonly number[])[], assignment: readonly (number | null)[]): number {
  return assignment.reduce<number>((sum, j, i) => sum + (j === null ? 0 : weights[i]![j]!), 0);
}

describe('weights at any scale', () => {
  it('a warm start of weights 1e-13 is not kept where it is stale', () => {
    // By hand: the diagonal (2e-13) beats the crossed start (0).
    const result = solveAssignment({ weights: [[1e-13, 0], [0, 1e-13]] }, { method: 'flow', warmStart: { assignment: [1, 0], colDual: [0, 0] } });
    expect(result.assignment).toEqual([0, 1]);
    expect(result.objective).toBe(2e-13);
  });

  it('a reversed warm start of a 6 × 6 problem at 1e-13 still ends at the optimum', () => {
    // Optimum 43, by brute force here and by scipy's linear_sum_assignment on the integers.
    const integers = [[3, 1, 4, 1, 5, 9], [2, 6, 5, 3, 5, 8], [9, 7, 9, 3, 2, 3], [8, 4, 6, 2, 6, 4], [3, 3, 8, 3, 2, 7], [9, 5, 0, 2, 8, 8]];
    expect(bruteForce({ weights: integers }).objective).toBe(43);
    const weights = integers.map((row) => row.map((w) => w * 1e-13));
    const result = solveAssignment({ weights }, { method: 'flow', warmStart: { assignment: [5, 4, 3, 2, 1, 0], colDual: [0, 0, 0, 0, 0, 0] } });
    expect(result.status).toBe('optimal');
    expect(integerTotal(integers, result.assignment)).toBe(43);
  });

  it('the LP backend finds the optimum of weights 1e-30, not one 2e-30 short', () => {
    // Optimum 32, by brute force here and by scipy's linear_sum_assignment on the integers.
    const integers = [[0, 1, 8, 6, 6], [4, 1, 2, 3, 1], [8, 1, 4, 5, 3], [7, 7, 8, 4, 4], [1, 5, 8, 7, 1]];
    expect(bruteForce({ weights: integers }).objective).toBe(32);
    const result = solveAssignment({ weights: integers.map((row) => row.map((w) => w * 1e-30)) }, { method: 'lp' });
    expect(result.status).toBe('optimal');
    expect(integerTotal(integers, result.assignment)).toBe(32);
  });

  it('scaling every weight by 2^k, k in [-100, 100], scales the optimum by 2^k, whatever the method and warm start', () => {
    const arbitrary = problemArbitrary({ maxRows: 6, maxCols: 4 }).chain((problem) =>
      fc.record({ problem: fc.constant(problem), k: fc.integer({ min: -100, max: 100 }), start: fc.option(anyStart(problem), { nil: undefined }), startScaled: fc.boolean() }),
    );
    fc.assert(
      fc.property(arbitrary, ({ problem, k, start, startScaled }) => {
        const factor = 2 ** k;
        const oracle = bruteForce(problem);
        // A start of the scaled problem's own magnitudes is the one a tolerance could wrongly trust.
        const warmStart: WarmStart | undefined = start === undefined || !startScaled ? start : { ...start, colDual: start.colDual.map((v) => (Number.isFinite(v * factor) ? v * factor : v)) };
        for (const method of methodsFor(problem)) {
          const result = solveAssignment(scaledProblem(problem, factor), { method, ...(warmStart === undefined ? {} : { warmStart }) });
          expectBruteForceOptimum(problem, scaledResult(result, 1 / factor), oracle);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
