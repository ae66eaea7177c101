import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnMembers } from '../../src/solver/columnMembers.js';
import { solveWithFlow } from '../../src/solver/flowSolver.js';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { maxBMatching } from '../../src/solver/maxBMatching.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { placeableAtMost, unmatchedStart, withUnmatchedColumn } from '../../src/solver/unmatchedColumn.js';
import { applyWarmStart, internalStart } from '../../src/solver/warmStart.js';
import { expectCertifyingDuals, expectKeepsConstraints, sameObjective } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';

/**
 * Sparse problems that may leave rows unmatched, mostly with fewer places than rows (the
 * solver's "unmatched" column then holds the rest), and a mask of the pairs a first,
 * smaller problem has: as candidate rounds do, the full problem only adds pairs to it.
 */
const withFewerPlaces = fc
  .record({
    rows: fc.integer({ min: 1, max: 30 }),
    cols: fc.integer({ min: 1, max: 6 }),
    density: fc.constantFrom(0.3, 0.6, 1),
    fractional: fc.boolean(),
    sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
  })
  .chain(({ rows, cols, density, fractional, sense }) => {
    const weight = fractional ? fc.double({ min: -40, max: 40, noNaN: true, noDefaultInfinity: true }) : fc.integer({ min: -10, max: 30 });
    const cell = fc.record({ present: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), inFirst: fc.boolean(), weight });
    return fc.record({
      cells: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      density: fc.constant(density),
      sense: fc.constant(sense),
    });
  })
  .map(({ cells, capacity, density, sense }) => {
    const edges: [number, number, number][] = [];
    const firstEdges: [number, number, number][] = [];
    cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c.present >= density) return;
        edges.push([i, j, c.weight]);
        if (c.inFirst) firstEdges.push([i, j, c.weight]);
      }),
    );
    const base = { rows: cells.length, cols: capacity.length, capacity, sense, allowUnmatched: true };
    return { full: { ...base, edges } as AssignmentProblem, first: { ...base, edges: firstEdges } as AssignmentProblem };
  });

describe('the flow solver\'s "unmatched" column', () => {
  it('keeps every row of an optimum it restarts from, with no place to give back', () => {
    fc.assert(
      fc.property(withFewerPlaces, ({ full }) => {
        const problem = normalizeProblem(full);
        const solved = solveWithFlow(problem);
        expect(solved.status).toBe('optimal');
        if (solved.status !== 'optimal') return;
        const extended = withUnmatchedColumn(problem, maxBMatching(problem).size);
        const start = unmatchedStart(extended, internalStart(problem, { assignment: solved.assignment, colDual: solved.duals.col }));
        const state = {
          rowCol: new Int32Array(extended.rows).fill(-1),
          rowEdgeCost: new Float64Array(extended.rows),
          members: new ColumnMembers(extended.rows, extended.cols),
          rowPot: new Float64Array(extended.rows),
          colPot: new Float64Array(extended.cols),
          capacity: Int32Array.from(extended.capacity),
        };
        const { vacancies, kept } = applyWarmStart(extended, start, state);
        let withPairs = 0;
        for (let i = 0; i < problem.rows; i++) if (problem.rowStart[i + 1]! > problem.rowStart[i]!) withPairs++;
        expect(kept).toBe(withPairs);
        expect(Array.from(vacancies).every((v) => v === 0)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('re-solves from the smaller problem\'s optimum to the optimum of the full one, as the LP backend finds it', () => {
    fc.assert(
      fc.property(withFewerPlaces, ({ full, first }) => {
        const before = solveAssignment(first, { method: 'flow' });
        expect(before.status).toBe('optimal');
        if (before.status !== 'optimal') return;
        const start = { assignment: before.assignment, colDual: before.duals.col };
        const oracle = solveWithLp(normalizeProblem(full));
        expect(oracle.status).toBe('optimal');
        // By default a start with a row off its best pair is dropped on problems this small; with
        // rebidShare Infinity it is mended as it is.
        for (const warm of [solveAssignment(full, { method: 'flow', warmStart: start }), solveWithFlow(normalizeProblem(full), { rebidShare: Infinity }, start)]) {
          expect(warm.status).toBe('optimal');
          if (warm.status !== 'optimal' || oracle.status !== 'optimal') continue;
          expect(sameObjective(warm.objective, oracle.objective)).toBe(true);
          expect(warm.matched).toBe(oracle.matched);
          expectKeepsConstraints(full, warm);
          expectCertifyingDuals(full, warm);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  // The solver first takes placeableAtMost as the count and counts only when a run shows it too
  // high: a bound below the count would leave rows out that could be placed.
  it('is first sized by a bound never below the rows that can be placed at once', () => {
    fc.assert(
      fc.property(withFewerPlaces, ({ full }) => {
        const problem = normalizeProblem(full);
        expect(placeableAtMost(problem)).toBeGreaterThanOrEqual(maxBMatching(problem).size);
      }),
      { numRuns: runs(300) },
    );
  });

  it('counts the rows when the bound overstates them: two rows share two coaches of 2 places', () => {
    const problem: AssignmentProblem = {
      rows: 4,
      cols: 3,
      edges: [[0, 0, 5], [0, 1, 1], [1, 0, 4], [1, 1, 2], [2, 2, 3], [3, 2, 7]],
      capacity: [2, 2, 1],
      allowUnmatched: true,
    };
    expect(placeableAtMost(normalizeProblem(problem))).toBe(4);
    const solved = solveAssignment(problem, { method: 'flow' });
    expect(solved.status).toBe('optimal');
    expect(solved.matched).toBe(3);
    expect(solved.objective).toBe(16);
    expectCertifyingDuals(problem, solved);
  });
});
