import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { SolverMethod } from '../../src/solver/types.js';

/** Minimal counterexamples found while testing the solver core; each once failed. */
describe.each(['auto', 'flow', 'lp'] satisfies SolverMethod[])('solveAssignment regressions (method %s)', (method) => {
  it('names both rows that compete for a column with no place left', () => {
    // Rows 0 and 1 can only use column 0, which has capacity 0; row 2 fits in column 1.
    const result = solveAssignment({ weights: [[1, null], [1, null], [null, 1]], capacity: [0, 3] }, { method });
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.diagnosis).toEqual([expect.objectContaining({ kind: 'competingRows', rows: [0, 1], cols: [0], shortBy: 2 })]);
  });

  it('names every row of a Hall violator, not only the first unplaced one', () => {
    // Rows 0–3 can only use column 0 (2 places): 4 rows, 2 places, 2 short. Rows 4–5 have
    // column 1 (4 places) to themselves, so total capacity (6) is enough for the 6 rows.
    const problem = {
      weights: [[1, null], [1, null], [1, null], [1, null], [null, 1], [null, 1]],
      capacity: [2, 4],
    };
    const result = solveAssignment(problem, { method });
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.diagnosis).toEqual([expect.objectContaining({ kind: 'competingRows', rows: [0, 1, 2, 3], cols: [0], shortBy: 2 })]);
  });
});
