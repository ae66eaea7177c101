import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveWithFlow } from '../../src/solver/flowSolver.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { anyStart } from '../helpers/anyStart.js';
import { changedWithOldSolution, weightShifts } from '../helpers/changedProblem.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectAgreesWith, expectBruteForceOptimum, expectCertifyingDuals, sameObjective } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';

/** Forces the auction warm start on however small a problem. */
const alwaysWarm = (bids: number) => ({ auctionBidsPerRow: bids, auctionMinRows: 0, auctionMaxDegree: Infinity });

/** The auction start on however small a problem, taking a previous solution through its last phases however many rows are off. */
const alwaysRebid = (bids: number) => ({ ...alwaysWarm(bids), fillingColdShare: Infinity });

/**
 * Problems where every place gets filled (total capacity = rows, no minimum loads, every row
 * placed): the case the warm start is for. Some are infeasible (bans), on purpose.
 */
function fillingProblem(maxRows: number, maxCols: number): fc.Arbitrary<AssignmentProblem> {
  return fc
    .record({ cols: fc.integer({ min: 1, max: maxCols }), fractional: fc.boolean(), banRate: fc.constantFrom(0, 0.2, 0.5) })
    .chain(({ cols, fractional, banRate }) =>
      fc.array(fc.integer({ min: 0, max: Math.ceil(maxRows / cols) }), { minLength: cols, maxLength: cols }).chain((capacity) => {
        const rows = capacity.reduce((a, b) => a + b, 0);
        const weight = fractional ? fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }) : fc.integer({ min: -20, max: 60 });
        const cell = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), weight).map(([roll, w]) => (roll < banRate ? null : w));
        return fc.record({
          weights: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          cols: fc.constant(cols),
          capacity: fc.constant(capacity),
          sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
        });
      }),
    );
}

describe('solveWithFlow with the auction warm start', () => {
  // From a start (any assignment and duals), the auction takes it through its last phases
  // however many rows are off (alwaysRebid); without one it runs its whole schedule.
  it('finds the brute-force optimum, or infeasibility, on tiny problems that fill every place, cold or from any start', () => {
    fc.assert(
      fc.property(
        fillingProblem(7, 4).chain((problem) => fc.tuple(fc.constant(problem), fc.oneof(fc.constant(null), anyStart(problem)), fc.integer({ min: 1, max: 40 }))),
        ([problem, start, bids]) => {
          const result = solveWithFlow(normalizeProblem(problem), start === null ? alwaysWarm(bids) : alwaysRebid(bids), start ?? undefined);
          expectBruteForceOptimum(problem, result, bruteForce(problem));
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('agrees with the LP backend on problems up to 40 rows', () => {
    fc.assert(
      fc.property(fillingProblem(40, 10), fc.integer({ min: 1, max: 40 }), (problem, bids) => {
        const normalized = normalizeProblem(problem);
        const warm = solveWithFlow(normalized, alwaysWarm(bids));
        const oracle = solveWithLp(normalized);
        expect(warm.status).toBe(oracle.status);
        if (warm.status === 'optimal' && oracle.status === 'optimal') {
          expect(sameObjective(warm.objective, oracle.objective)).toBe(true);
          expectCertifyingDuals(problem, warm);
        }
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('solveWithFlow with the auction warm start, from a previous solution', () => {
  it('re-solves a changed problem that fills every place from the old solution to the optimum of a cold solve', () => {
    fc.assert(
      fc.property(
        fillingProblem(40, 10),
        weightShifts,
        fc.integer({ min: 1, max: 60 }),
        (problem, shifts, bids) => {
          const resolve = changedWithOldSolution(problem, shifts);
          fc.pre(resolve !== null);
          if (resolve === null) return;
          const normalized = normalizeProblem(resolve.changed);
          const coldResult = solveWithFlow(normalized, { auctionBidsPerRow: 0 });
          expectAgreesWith(resolve.changed, solveWithFlow(normalized, alwaysRebid(bids), resolve.start), coldResult);
        },
      ),
      { numRuns: runs(150) },
    );
  });
});

describe('solveAssignment with a warm start near the largest double', () => {
  it('solves as cold when the duals cannot be held to the costs’ reach (hunt H: a feasible problem came back infeasible)', () => {
    // 13 columns: the reach (rows + cols + 1) · largest cost overflows to Infinity, which held nothing.
    for (const cols of [13, 40]) {
      const problem: AssignmentProblem = { rows: 1, cols, edges: [[0, 0, 1.3e307]] };
      const colDual = Array.from({ length: cols }, (_, j) => (j === 0 ? -1.7e308 : 0));
      const warm = solveAssignment(problem, { warmStart: { assignment: [null], colDual } });
      expect(warm.status, String(cols)).toBe('optimal');
      expect(warm.objective).toBe(solveAssignment(problem).objective);
    }
  });
});
