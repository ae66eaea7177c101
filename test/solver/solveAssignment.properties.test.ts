import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectCertifyingDuals, expectKeepsConstraints, methodsFor, sameObjective } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';
import { permutedProblemArbitrary, permuteProblem, problemArbitrary } from '../helpers/problemArbitrary.js';

const tiny = problemArbitrary({ maxRows: 7, maxCols: 4 });
/** Square one-to-one problems, the only ones `jv` takes. */
const tinySquare = problemArbitrary({ maxRows: 6, maxCols: 6, oneToOne: true, square: true, denseOnly: true });
/** Up to 40 × 10; large capacities too, so that many of them are feasible. */
const medium = fc.oneof(
  problemArbitrary({ maxRows: 40, maxCols: 10 }),
  problemArbitrary({ maxRows: 40, maxCols: 10, maxCapacity: 8 }),
);
const mediumSquare = problemArbitrary({ maxRows: 25, maxCols: 25, oneToOne: true, square: true, denseOnly: true });

function expectSameOptimum(result: AssignmentResult, reference: AssignmentResult | { feasible: boolean; objective: number | null; matched: number }): void {
  const feasible = 'status' in reference ? reference.status === 'optimal' : reference.feasible;
  expect(result.status).toBe(feasible ? 'optimal' : 'infeasible');
  if (result.status !== 'optimal') return;
  const objective = reference.objective!;
  expect(result.matched).toBe(reference.matched);
  expect(sameObjective(result.objective, objective), `${result.method}: ${result.objective} vs ${objective}`).toBe(true);
}

describe(solveAssignment, () => {
  it('agrees with brute force on tiny problems, whatever the method', () => {
    fc.assert(
      fc.property(tiny, (problem) => {
        const oracle = bruteForce(problem);
        for (const method of methodsFor(problem)) expectSameOptimum(solveAssignment(problem, { method }), oracle);
      }),
      { numRuns: runs(300) },
    );
  });

  it('agrees with brute force on tiny square one-to-one problems, jv included', () => {
    fc.assert(
      fc.property(tinySquare, (problem) => {
        const oracle = bruteForce(problem);
        for (const method of methodsFor(problem)) expectSameOptimum(solveAssignment(problem, { method }), oracle);
      }),
      { numRuns: runs(200) },
    );
  });

  it('agrees with the LP backend up to 40 × 10, infeasible exactly when the LP is', () => {
    fc.assert(
      fc.property(medium, (problem) => {
        const lp = solveAssignment(problem, { method: 'lp' });
        for (const method of ['auto', 'flow'] as const) expectSameOptimum(solveAssignment(problem, { method }), lp);
      }),
      { numRuns: runs(120) },
    );
  });

  it('agrees with the LP backend on square one-to-one problems up to 25 × 25, jv included', () => {
    fc.assert(
      fc.property(mediumSquare, (problem) => {
        const lp = solveAssignment(problem, { method: 'lp' });
        for (const method of ['auto', 'jv', 'flow'] as const) expectSameOptimum(solveAssignment(problem, { method }), lp);
      }),
      { numRuns: runs(40) },
    );
  });

  it('keeps bans, capacities and minimum loads, and reports the sum of the chosen weights', () => {
    fc.assert(
      fc.property(medium, (problem) => {
        for (const method of methodsFor(problem)) {
          const result = solveAssignment(problem, { method });
          if (result.status === 'optimal') expectKeepsConstraints(problem, result);
          else expect(result.diagnosis.length, `${method} explains infeasibility`).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(80) },
    );
  });

  it('returns duals that are feasible, tight on assigned pairs and certify the optimum', () => {
    fc.assert(
      fc.property(fc.oneof(tiny, tinySquare, medium), (problem: AssignmentProblem) => {
        for (const method of methodsFor(problem)) {
          const result = solveAssignment(problem, { method });
          if (result.status === 'optimal') expectCertifyingDuals(problem, result);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('finds the same optimum when rows and columns are renamed', () => {
    fc.assert(
      fc.property(permutedProblemArbitrary({ maxRows: 12, maxCols: 5 }), ({ problem, rowOrder, colOrder }) => {
        const renamed = permuteProblem(problem, rowOrder, colOrder);
        for (const method of ['auto', 'flow'] satisfies SolverMethod[]) {
          expectSameOptimum(solveAssignment(renamed, { method }), solveAssignment(problem, { method }));
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
