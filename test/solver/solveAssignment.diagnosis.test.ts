import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, Diagnosis, SolverMethod } from '../../src/solver/types.js';
import { bruteForce, candidatesOf } from '../helpers/bruteForce.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

const methods: SolverMethod[] = ['auto', 'flow', 'lp'];

/** Diagnoses of an infeasible problem under `method`. */
function diagnose(problem: AssignmentProblem, method: SolverMethod): readonly Diagnosis[] {
  const result = solveAssignment(problem, { method });
  expect(result.status).toBe('infeasible');
  if (result.status !== 'infeasible') return [];
  expect(result.objective).toBeNull();
  expect(result.duals).toBeNull();
  expect(result.diagnosis.length).toBeGreaterThan(0);
  return result.diagnosis;
}

describe.each(methods)('solveAssignment (method %s) on infeasible problems', (method) => {
  it('names the rows that have no allowed column', () => {
    const problem = { weights: [[1, 2], [null, null], [3, null], [null, null]], capacity: [2, 2] };
    expect(diagnose(problem, method)).toContainEqual(expect.objectContaining({ kind: 'rowWithoutCandidates', rows: [1, 3] }));
  });

  it('lists the first 100 rows of a group and counts them all', () => {
    // 150 rows share column 0 (1 place); column 1 takes none of them.
    const problem = { weights: Array.from({ length: 150 }, () => [1, null]), capacity: [1, 200] };
    const group = diagnose(problem, method).find((d) => d.kind === 'competingRows');
    expect(group).toMatchObject({ rowCount: 150, colCount: 1, cols: [0], shortBy: 149 });
    expect(group?.kind === 'competingRows' ? group.rows : []).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('says by how much the total capacity is short', () => {
    const problem = { weights: Array.from({ length: 5 }, () => [1, 2]), capacity: [1, 1] };
    // types.ts: shortBy is how many places are missing (rows to place minus total capacity).
    expect(diagnose(problem, method)).toContainEqual(expect.objectContaining({ kind: 'capacityShort', shortBy: 5 - 2 }));
  });

  it('names rows that compete for too few places (a Hall violator)', () => {
    // Rows 0–2 can only use column 0 (2 places); rows 3–4 have column 1 (3 places) to themselves.
    const problem = {
      weights: [[1, null], [2, null], [3, null], [null, 1], [null, 1]],
      capacity: [2, 3],
    };
    const diagnosis = diagnose(problem, method);
    expect(diagnosis).toContainEqual(expect.objectContaining({ kind: 'competingRows', rows: [0, 1, 2], cols: [0], shortBy: 1 }));
    expect(diagnosis.map((d) => d.kind)).not.toContain('capacityShort');
  });

  it('says which minimum loads cannot be met when they add up to more than the rows', () => {
    const problem = { weights: [[1, 2, 3], [1, 2, 3]], capacity: [2, 2, 2], minLoad: [1, 1, 1] };
    expect(diagnose(problem, method)).toContainEqual(expect.objectContaining({ kind: 'minLoadUnreachable', shortBy: 1 }));
  });

  it('names a column whose minimum load exceeds the rows allowed on it', () => {
    const problem = { weights: [[1, 5], [2, null], [3, null]], capacity: [3, 2], minLoad: [0, 2], allowUnmatched: true };
    expect(diagnose(problem, method)).toContainEqual(expect.objectContaining({ kind: 'minLoadUnreachable', cols: [1], shortBy: 1 }));
  });
});

describe.each(methods)('solveAssignment (method %s) diagnoses, on random problems', (method) => {
  it('names only true Hall violators, and together they account for every row that cannot be placed', () => {
    const placing = problemArbitrary({ maxRows: 7, maxCols: 4 }).map((p) => ({ ...p, minLoad: undefined, allowUnmatched: false }));
    fc.assert(
      fc.property(placing, (problem) => {
        const result = solveAssignment(problem, { method });
        if (result.status !== 'infeasible') return;
        const { options } = candidatesOf(problem);
        const capacity = problem.capacity ?? options.map(() => 1);
        let explained = 0;
        for (const d of result.diagnosis) {
          if (d.kind === 'rowWithoutCandidates') {
            for (const i of d.rows) expect(options[i]).toEqual([]);
            explained += d.rows.length;
          }
          if (d.kind === 'competingRows') {
            for (const i of d.rows) for (const [j] of options[i]!) expect(d.cols).toContain(j);
            const places = d.cols.reduce((a, j) => a + (capacity[j] ?? 1), 0);
            expect(d.shortBy).toBe(d.rows.length - places);
            expect(d.shortBy).toBeGreaterThan(0);
            explained += d.shortBy;
          }
        }
        const placeable = bruteForce({ ...problem, allowUnmatched: true }).matched;
        const rows = options.length;
        const hasCapacityShort = result.diagnosis.some((d) => d.kind === 'capacityShort');
        // Without a global shortage, the named groups must explain all of the deficiency.
        if (!hasCapacityShort) expect(explained).toBe(rows - placeable);
      }),
      { numRuns: runs(300) },
    );
  });
});
