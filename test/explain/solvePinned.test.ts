import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressedRows } from '../../src/explain/compressedRows.js';
import { solvePinned, type Pin } from '../../src/explain/solvePinned.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';

/** Small dense max problems with some bans, capacities 1..2, every row to be placed or not. */
const problems = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }), allowUnmatched: fc.boolean() })
  .chain(({ rows, cols, allowUnmatched }) =>
    fc.record({
      weights: fc.array(fc.array(fc.option(fc.integer({ min: -5, max: 20 }), { freq: 5, nil: null }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      capacity: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: cols, maxLength: cols }),
      allowUnmatched: fc.constant(allowUnmatched),
    }),
  )
  .map((p): AssignmentProblem => ({ ...p, sense: 'max' }));

/** The problem with row `row` allowed only at column `col`. */
function restricted(problem: AssignmentProblem, row: number, col: number): AssignmentProblem {
  return { ...problem, weights: problem.weights!.map((r, i) => (i === row ? r.map((w, j) => (j === col ? w : null)) : r)) };
}

describe(solvePinned, () => {
  it('never beats the optimum, and its objective is the exhaustive optimum with the pair forced', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const best = solveAssignment(problem);
        if (best.status !== 'optimal') return;
        problem.weights!.forEach((row, i) =>
          row.forEach((w, j) => {
            if (w === null) return;
            const forced = solvePinned(problem, [{ row: i, col: j }]);
            // With every row to be placed, a forced pair can leave no room for the others.
            const exhaustive = bruteForce(restricted(problem, i, j));
            if (!problem.allowUnmatched) expect(forced.status === 'optimal').toBe(exhaustive.feasible);
            else expect(forced.status).toBe('optimal');
            if (forced.status !== 'optimal') return;
            expect(forced.assignment[i]).toBe(j);
            if (forced.matched === best.matched) expect(forced.objective).toBeLessThanOrEqual(best.objective + 1e-9);
            if (!problem.allowUnmatched) expect(forced.objective).toBeCloseTo(exhaustive.objective!, 9);
          }),
        );
      }),
      { numRuns: runs(150) },
    );
  });

  it("prices a forced pair no lower than the duals' bound row + col − w", () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const best = solveAssignment(problem);
        if (best.status !== 'optimal') return;
        problem.weights!.forEach((row, i) =>
          row.forEach((w, j) => {
            if (w === null) return;
            const forced = solvePinned(problem, [{ row: i, col: j }]);
            if (forced.status !== 'optimal' || forced.matched !== best.matched) return;
            const bound = best.duals.row[i]! + best.duals.col[j]! - w;
            expect(bound).toBeLessThanOrEqual(best.objective - forced.objective + 1e-9);
          }),
        );
      }),
      { numRuns: runs(150) },
    );
  });

  it('names the pins that conflict with a ban or a capacity instead of solving', () => {
    const problem: AssignmentProblem = { weights: [[1, null], [2, 3], [4, 5]], capacity: [1, 2] };
    const outcome = solvePinned(problem, [{ row: 0, col: 1 }, { row: 1, col: 0 }, { row: 2, col: 0 }]);
    expect(outcome.status).toBe('pinConflict');
    if (outcome.status !== 'pinConflict') return;
    expect(outcome.conflicts).toEqual([
      { kind: 'banned', pins: [0] },
      { kind: 'overCapacity', col: 0, capacity: 1, pins: [1, 2] },
    ]);
  });

  it('keeps a pin even when leaving its row unmatched would place more coachees', () => {
    // Row 0 pinned to column 0 takes the only place row 1 could use.
    const outcome = solvePinned({ weights: [[1, 1], [5, null]], capacity: [1, 1], allowUnmatched: true }, [{ row: 0, col: 0 }]);
    expect(outcome.status).toBe('optimal');
    if (outcome.status !== 'optimal') return;
    expect(outcome.assignment).toEqual([0, null]);
    expect(outcome.objective).toBe(1);
  });

  it('solves compressed rows warm from the optimum as it solves dense weights cold: same status, conflicts and objective, a valid assignment', () => {
    const withPins = problems.chain((problem) =>
      fc.record({
        problem: fc.constant(problem),
        pins: fc.array(fc.record({ row: fc.integer({ min: 0, max: problem.weights!.length - 1 }), col: fc.integer({ min: 0, max: problem.weights![0]!.length - 1 }) }), { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(withPins, ({ problem, pins }) => {
        const best = solveAssignment(problem);
        const warmStart = best.status === 'optimal' ? { assignment: best.assignment, colDual: best.duals.col } : undefined;
        const cold = solvePinned(problem, pins);
        const warm = solvePinned(compressedRows({ ...problem, weights: problem.weights! }), pins, 'auto', warmStart);
        expect(warm.status).toBe(cold.status);
        if (cold.status === 'pinConflict' || warm.status === 'pinConflict') {
          expect(warm).toEqual(cold);
          return;
        }
        if (cold.status !== 'optimal' || warm.status !== 'optimal') return;
        expect(warm.objective).toBeCloseTo(cold.objective, 9);
        expect(warm.matched).toBe(cold.matched);
        expectValid(problem, pins, warm.assignment, warm.objective);
      }),
      { numRuns: runs(300) },
    );
  });
});

/** Every pin held, no column over capacity, no forbidden pair, and the objective the assignment's own. */
function expectValid(problem: AssignmentProblem, pins: readonly Pin[], assignment: readonly (number | null)[], objective: number): void {
  for (const { row, col } of pins) expect(assignment[row]).toBe(col);
  const loads = problem.capacity!.map(() => 0);
  let total = 0;
  assignment.forEach((col, row) => {
    if (col === null) return;
    loads[col]!++;
    const w = problem.weights![row]![col];
    expect(w).not.toBeNull();
    total += w!;
  });
  loads.forEach((load, j) => expect(load).toBeLessThanOrEqual(problem.capacity![j]!));
  expect(total).toBeCloseTo(objective, 9);
}
