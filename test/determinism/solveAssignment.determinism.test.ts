import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../../src/solver/types.js';
import { jvAccepts } from '../helpers/crossCheckProblem.js';
import { permuteProblem } from '../helpers/problemArbitrary.js';
import { closeObjectives } from '../helpers/resultDefects.js';
import { runs } from '../helpers/runs.js';
import { buildVolumeProblem, volumeSpecArbitrary, type VolumeShape } from '../helpers/volumeProblemArbitrary.js';

/** The problem without the pair (row, col): an alternative optimum would have to avoid one chosen pair. */
function without(problem: AssignmentProblem, row: number, col: number): AssignmentProblem {
  if (problem.weights !== undefined) {
    return { ...problem, weights: problem.weights.map((r, i) => (i === row ? r.map((w, j) => (j === col ? null : w)) : r)) };
  }
  return { ...problem, edges: (problem.edges ?? []).filter(([r, c]) => r !== row || c !== col) };
}

/**
 * True when the optimum is unique: forbidding any one chosen pair makes every solution
 * worse (or places fewer rows). Any other optimal assignment differs from this one in a
 * chosen pair, or places a row this one leaves out, which would place more rows.
 */
function uniqueOptimum(problem: AssignmentProblem, result: AssignmentResult, method: SolverMethod): boolean {
  if (result.status !== 'optimal') return false;
  return result.assignment.every((col, row) => {
    if (col === null) return true;
    const other = solveAssignment(without(problem, row, col), { method: method === 'jv' ? 'flow' : method });
    if (other.status !== 'optimal' || other.matched < result.matched) return true;
    const better = problem.sense === 'min' ? other.objective < result.objective : other.objective > result.objective;
    return !better && !closeObjectives(other.objective, result.objective);
  });
}

const permutation = (n: number) => fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k), { minLength: n, maxLength: n });

function permutedCase(shape: VolumeShape) {
  return volumeSpecArbitrary(shape).chain((spec) =>
    fc.record({ spec: fc.constant(spec), rowOrder: permutation(spec.rows), colOrder: permutation(spec.cols) }),
  );
}

function checkPermutation(shape: VolumeShape, numRuns: number): { unique: number; cases: number } {
  let unique = 0;
  let cases = 0;
  fc.assert(
    fc.property(permutedCase(shape), ({ spec, rowOrder, colOrder }) => {
      const problem = buildVolumeProblem(spec);
      const permuted = permuteProblem(problem, rowOrder, colOrder);
      const methods: SolverMethod[] = jvAccepts(problem) ? ['auto', 'flow', 'lp', 'jv'] : ['auto', 'flow', 'lp'];
      for (const method of methods) {
        const a = solveAssignment(problem, { method });
        const b = solveAssignment(permuted, { method });
        expect(b.status, method).toBe(a.status);
        if (a.status !== 'optimal' || b.status !== 'optimal') continue;
        expect(b.matched).toBe(a.matched);
        expect(closeObjectives(a.objective, b.objective), `${method}: ${a.objective} vs ${b.objective}`).toBe(true);
        cases++;
        if (!uniqueOptimum(problem, a, method)) continue;
        unique++;
        // New row r is old row rowOrder[r]; its column, renamed, is the old one's.
        const newCol = new Map(colOrder.map((old, now) => [old, now]));
        const expected = rowOrder.map((old) => {
          const col = a.assignment[old]!;
          return col === null ? null : newCol.get(col)!;
        });
        expect(b.assignment, method).toEqual(expected);
      }
    }),
    { numRuns },
  );
  return { unique, cases };
}

describe(`${solveAssignment.name} under renaming of rows and columns`, () => {
  it('keeps the objective, and permutes the assignment with the rows and columns when the optimum is unique', () => {
    const { unique, cases } = checkPermutation({ maxRows: 25, maxCols: 8 }, runs(150));
    // Fractional weights make most optima unique, so the strong half of the check runs often.
    expect(unique).toBeGreaterThan(cases / 4);
  });

  it('does the same for square one-to-one problems, jv included', () => {
    const { unique } = checkPermutation({ maxRows: 12, maxCols: 12, oneToOne: true }, runs(80));
    expect(unique).toBeGreaterThan(0);
  });

  it('gives the same answer twice for the same problem (no hidden state between calls)', () => {
    fc.assert(
      fc.property(volumeSpecArbitrary({ maxRows: 30, maxCols: 10 }), (spec) => {
        const problem = buildVolumeProblem(spec);
        for (const method of ['auto', 'flow', 'lp'] as const) {
          expect(JSON.stringify(solveAssignment(problem, { method }))).toBe(JSON.stringify(solveAssignment(problem, { method })));
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
