import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';

/** The error `method: 'lp'` throws for `problem`, or null when it solves it. */
function lpRefusal(problem: AssignmentProblem): unknown {
  try {
    solveAssignment(problem, { method: 'lp' });
    return null;
  } catch (error) {
    return error;
  }
}

describe('method lp refuses problems too large for the LP solver', () => {
  it('refuses many rows with few pairs (10,000,000 rows ran past 400 s before)', () => {
    const error = lpRefusal({ rows: 150_000, cols: 1, edges: [[0, 0, 1]], allowUnmatched: true });
    expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
    expect((error as Error).message).toMatch(/300,001 constraints.*use method "auto"/);
  });

  it('refuses a dense tableau beyond 4 GB (dense 1000 × 1000 was killed out of memory): 2,401 × 640,001 × 8 bytes here', () => {
    const weights = Array.from({ length: 800 }, (_, i) => Array.from({ length: 800 }, (_, j) => (i * 7 + j * 13) % 101));
    const error = lpRefusal({ weights });
    expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
    expect((error as Error).message).toMatch(/dense tableau of about 12 GB/);
    // The same problem is no trouble for the exact algorithms.
    expect(solveAssignment({ weights }).status).toBe('optimal');
  });

  it('still solves problems at the limits', () => {
    // 2 · 99,999 + 1 = 199,999 constraints, one pair.
    const result = solveAssignment({ rows: 99_999, cols: 1, edges: [[0, 0, 1]], allowUnmatched: true }, { method: 'lp' });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(1);
  });
});
