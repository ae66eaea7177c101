import { describe, expect, it } from 'vitest';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { optimalityDuals } from '../../src/solver/optimalityDuals.js';

describe(optimalityDuals, () => {
  // Minimise: rows 0, 1 on columns 0, 1; the cheap assignment is the diagonal (1 + 1).
  const problem = normalizeProblem({ weights: [[1, 5], [5, 1]], sense: 'min' });

  it('certifies an optimal assignment with duals tight on its pairs', () => {
    const duals = optimalityDuals(problem, Int32Array.from([0, 1]));
    expect(duals).not.toBeNull();
    const { rowDual, colDual } = duals!;
    expect(rowDual[0]! + colDual[0]!).toBeCloseTo(1, 12);
    expect(rowDual[1]! + colDual[1]!).toBeCloseTo(1, 12);
    expect(rowDual[0]! + colDual[1]!).toBeLessThanOrEqual(5);
    expect(rowDual[1]! + colDual[0]!).toBeLessThanOrEqual(5);
  });

  it('rejects an assignment that an exchange would improve', () => {
    expect(optimalityDuals(problem, Int32Array.from([1, 0]))).toBeNull();
  });

  it('rejects moving a row to a worse column that has room', () => {
    const roomy = normalizeProblem({ weights: [[3, 2]], capacity: [1, 1] });
    expect(optimalityDuals(roomy, Int32Array.from([1]))).toBeNull();
    expect(optimalityDuals(roomy, Int32Array.from([0]))).not.toBeNull();
  });

  it('gives every unplaced row the same dual, that of the number of rows placed', () => {
    const open = normalizeProblem({ weights: [[4, null], [3, null], [2, null]], allowUnmatched: true });
    const duals = optimalityDuals(open, Int32Array.from([0, -1, -1]));
    expect(duals).not.toBeNull();
    expect(duals!.rowDual[1]).toBe(duals!.rowDual[2]);
    // Placing row 1 instead of row 0 (same count, lower total) must not be called optimal.
    expect(optimalityDuals(open, Int32Array.from([-1, 0, -1]))).toBeNull();
  });
});
