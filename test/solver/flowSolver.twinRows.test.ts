import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveWithFlow } from '../../src/solver/flowSolver.js';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { twinRows } from '../../src/solver/twinRows.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectBruteForceOptimum, expectCertifyingDuals, expectKeepsConstraints, sameObjective } from '../helpers/checkResult.js';
import { problemArbitrary, shapeOf } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

/** Searches only: no auction start, so every row is placed by the searches that skip twins. */
const searchesOnly = { spareBidsPerRow: 0, auctionBidsPerRow: 0 };

/** The problem with row i written `copies[i]` times in a row (at least once), as a coach's places are. */
function withTwins(problem: AssignmentProblem, copies: readonly number[]): AssignmentProblem {
  const { rows } = shapeOf(problem);
  const firstCopy: number[] = [];
  let next = 0;
  for (let i = 0; i < rows; i++) {
    firstCopy.push(next);
    next += Math.max(1, copies[i % copies.length] ?? 1);
  }
  const times = (i: number) => Math.max(1, copies[i % copies.length] ?? 1);
  if (problem.weights !== undefined) {
    return { ...problem, weights: problem.weights.flatMap((row, i) => Array.from({ length: times(i) }, () => row)) };
  }
  const edges = (problem.edges ?? []).flatMap(([i, j, w]) => Array.from({ length: times(i) }, (_, c): [number, number, number] => [firstCopy[i]! + c, j, w]));
  return { ...problem, rows: next, edges };
}

/** The problem's rows in the order of their `keys` (ties by row): copies of a row end up apart. */
function shuffleRows(problem: AssignmentProblem, keys: readonly number[]): AssignmentProblem {
  const { rows } = shapeOf(problem);
  const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b);
  const position = new Array<number>(rows);
  order.forEach((row, at) => (position[row] = at));
  if (problem.weights !== undefined) return { ...problem, weights: order.map((row) => problem.weights![row]!) };
  return { ...problem, edges: (problem.edges ?? []).map(([i, j, w]): [number, number, number] => [position[i]!, j, w]) };
}

/** Problems with repeated rows, next to each other or (with `keys`) scattered. */
const twinProblem = (shape: Parameters<typeof problemArbitrary>[0], most: number) =>
  fc
    .tuple(
      problemArbitrary(shape),
      fc.array(fc.integer({ min: 1, max: most }), { minLength: 1, maxLength: 8 }),
      fc.option(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 12 }), { nil: undefined }),
    )
    .map(([problem, copies, keys]) => (keys === undefined ? withTwins(problem, copies) : shuffleRows(withTwins(problem, copies), keys)));

describe('twinRows', () => {
  it('marks each row by the first row identical to it, adjacent or not, and nothing else', () => {
    const problem = normalizeProblem({
      weights: [
        [1, 2, null],
        [1, 2, null],
        [1, 2, null],
        [1, 3, null],
        [null, null, null],
        [null, null, null],
        [1, 3, null],
      ],
      capacity: [7, 7, 7],
      allowUnmatched: true,
    });
    // Rows 4 and 5 have no pair: never twins. Row 6 equals row 3, three rows apart.
    expect(Array.from(twinRows(problem)!)).toEqual([0, 0, 0, 3, 4, 5, 3]);
  });

  it('is null when no two rows are identical, however alike', () => {
    expect(twinRows(normalizeProblem({ weights: [[1, 2], [2, 1], [1, 2.5], [null, 2]], capacity: [2, 2] }))).toBeNull();
  });
});

describe('solveWithFlow on problems with identical rows, adjacent or apart', () => {
  it('finds the brute-force optimum, or infeasibility, on tiny problems', () => {
    fc.assert(
      fc.property(twinProblem({ maxRows: 4, maxCols: 4 }, 3), (problem) => {
        fc.pre(shapeOf(problem).rows <= 7);
        expectBruteForceOptimum(problem, solveWithFlow(normalizeProblem(problem), searchesOnly), bruteForce(problem));
      }),
      { numRuns: runs(400) },
    );
  });

  it('agrees with the LP backend on places-like problems up to 40 rows', () => {
    fc.assert(
      fc.property(twinProblem({ maxRows: 12, maxCols: 14, maxCapacity: 2 }, 4), (problem) => {
        const normalized = normalizeProblem(problem);
        const result = solveWithFlow(normalized, searchesOnly);
        const oracle = solveWithLp(normalized);
        expect(result.status).toBe(oracle.status);
        if (result.status === 'optimal' && oracle.status === 'optimal') {
          expect(sameObjective(result.objective, oracle.objective)).toBe(true);
          expectCertifyingDuals(problem, result);
        }
      }),
      { numRuns: runs(120) },
    );
  });

  it('is exact from a previous solution of the same twins with changed weights', () => {
    fc.assert(
      fc.property(twinProblem({ maxRows: 4, maxCols: 4 }, 3), fc.integer({ min: -5, max: 5 }), (problem, shift) => {
        fc.pre(shapeOf(problem).rows <= 7);
        const first = solveAssignment(problem, { method: 'flow' });
        fc.pre(first.status === 'optimal');
        const changed: AssignmentProblem =
          problem.weights !== undefined
            ? { ...problem, weights: problem.weights.map((row, i) => row.map((w, j) => (w === null ? null : w + (i === 0 && j === 0 ? shift : 0)))) }
            : { ...problem, edges: problem.edges!.map(([i, j, w], q): [number, number, number] => [i, j, q === 0 ? w + shift : w]) };
        const oracle = bruteForce(changed);
        const start = { assignment: first.assignment, colDual: first.duals.col };
        // By default a start with a row off its best pair is dropped on problems this small; with
        // rebidShare Infinity it is mended as it is.
        for (const result of [solveAssignment(changed, { method: 'flow', warmStart: start }), solveWithFlow(normalizeProblem(changed), { rebidShare: Infinity }, start)]) {
          expect(result.status).toBe(oracle.feasible ? 'optimal' : 'infeasible');
          if (result.status !== 'optimal') continue;
          expect(sameObjective(result.objective, oracle.objective!)).toBe(true);
          expectKeepsConstraints(changed, result);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('is exact from a previous solution when pairs join whole groups of twins (places to spare, mended as it is)', () => {
    // A few kinds of row, each copied several times and scattered; the first solve lacks some
    // of a kind's pairs (for every copy), as a candidate round does before a certificate adds them.
    const kinds = fc.integer({ min: 1, max: 4 });
    const problem = kinds.chain((kindCount) =>
      fc.integer({ min: 2, max: 7 }).chain((cols) =>
        fc.record({
          copies: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: kindCount, maxLength: kindCount }),
          weights: fc.array(fc.array(fc.option(fc.integer({ min: -5, max: 20 }), { nil: null, freq: 6 }), { minLength: cols, maxLength: cols }), { minLength: kindCount, maxLength: kindCount }),
          held: fc.array(fc.array(fc.boolean(), { minLength: cols, maxLength: cols }), { minLength: kindCount, maxLength: kindCount }),
          capacity: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: cols, maxLength: cols }),
          order: fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 40 }),
        }),
      ),
    );
    fc.assert(
      fc.property(problem, ({ copies, weights, held, capacity, order }) => {
        const kindOf = copies.flatMap((n, kind) => Array.from({ length: n }, () => kind));
        // Rows in a scattered order: copies of a kind are apart.
        const rows = kindOf.map((kind, i) => ({ kind, key: order[i % order.length]! })).sort((a, b) => a.key - b.key).map((row) => row.kind);
        const full: AssignmentProblem = { weights: rows.map((kind) => weights[kind]!), capacity, allowUnmatched: true };
        const partial: AssignmentProblem = { ...full, weights: rows.map((kind) => weights[kind]!.map((w, j) => (held[kind]![j] ? w : null))) };
        const first = solveAssignment(partial, { method: 'flow' });
        fc.pre(first.status === 'optimal');
        const oracle = solveWithLp(normalizeProblem(full));
        const start = { assignment: first.assignment, colDual: first.duals.col };
        const result = solveWithFlow(normalizeProblem(full), { ...searchesOnly, rebidShare: Infinity }, start);
        expect(result.status).toBe(oracle.status);
        if (result.status !== 'optimal' || oracle.status !== 'optimal') return;
        expect(sameObjective(result.objective, oracle.objective)).toBe(true);
        expect(result.matched).toBe(oracle.matched);
        expectKeepsConstraints(full, result);
        expectCertifyingDuals(full, result);
      }),
      { numRuns: runs(400) },
    );
  });
});
