import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import type { AssignmentProblem, AssignmentResult } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectCertifyingDuals, expectKeepsConstraints, sameObjective } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';

const solve = (problem: AssignmentProblem): AssignmentResult => solveWithLp(normalizeProblem(problem));

describe(solveWithLp, () => {
  it('agrees with brute force on tiny problems: feasibility, rows placed and optimum', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 7, maxCols: 4 }), (problem) => {
        const oracle = bruteForce(problem);
        const result = solve(problem);
        expect(result.status).toBe(oracle.feasible ? 'optimal' : 'infeasible');
        if (result.status !== 'optimal') return;
        expect(result.matched).toBe(oracle.matched);
        expect(sameObjective(result.objective, oracle.objective!), `${result.objective} vs ${oracle.objective}`).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  });

  it('keeps bans, capacities and minimum loads and reports the sum of the chosen weights, up to 40 × 10', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 40, maxCols: 10 }), (problem) => {
        const result = solve(problem);
        if (result.status === 'optimal') expectKeepsConstraints(problem, result);
        else expect(result.diagnosis.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(150) },
    );
  });

  it('returns duals that are feasible, tight on assigned pairs and certify the optimum', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 40, maxCols: 10 }), (problem) => {
        const result = solve(problem);
        if (result.status === 'optimal') expectCertifyingDuals(problem, result);
      }),
      { numRuns: runs(150) },
    );
  });

  it('places as many rows as possible before it looks at weights', () => {
    // Placing row 1 (weight 1) forces row 0 off its 100-point column: two rows beat 100 points.
    const result = solve({ weights: [[100, 1], [1, null]], capacity: [1, 0], allowUnmatched: true });
    expect(result).toMatchObject({ status: 'optimal', matched: 1, objective: 100 });
    const both = solve({ weights: [[100, 1], [1, null]], allowUnmatched: true });
    expect(both).toMatchObject({ status: 'optimal', matched: 2, objective: 2, assignment: [1, 0] });
  });

  it('says which rows have no allowed column', () => {
    const result = solve({ weights: [[1, 2], [null, null], [3, 4]], capacity: [2, 2] });
    expect(result.status).toBe('infeasible');
    if (result.status === 'infeasible') {
      expect(result.diagnosis).toContainEqual(expect.objectContaining({ kind: 'rowWithoutCandidates', rows: [1] }));
    }
  });

  it('says which minimum loads cannot be met even when the simple counts look fine', () => {
    // Column 1 wants 2 rows and two rows can use it, but row 1 is also the only row column 0
    // can take, and column 0 wants one.
    const result = solve({ weights: [[null, 1], [1, 1], [null, null]], capacity: [1, 2], minLoad: [1, 2], allowUnmatched: true });
    expect(result.status).toBe('infeasible');
    if (result.status === 'infeasible') {
      expect(result.diagnosis.map((d) => d.kind)).toContain('minLoadUnreachable');
    }
  });

  it('solves an empty problem', () => {
    expect(solve({ weights: [], cols: 2 })).toMatchObject({ status: 'optimal', objective: 0, matched: 0, loads: [0, 0] });
  });
});
