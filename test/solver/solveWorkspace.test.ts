import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { solveAssignment, solveNormalized } from '../../src/solver/solveAssignment.js';
import { SolveWorkspace } from '../../src/solver/solveWorkspace.js';
import type { AssignmentProblem, AssignmentResult, WarmStart } from '../../src/solver/types.js';
import { runs } from '../helpers/runs.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { compressedFromMaps } from '../helpers/compressedRows.js';

/**
 * A run of related problems in compressed rows, as candidate rounds make them: each round
 * keeps the last one's pairs and weights and adds pairs, so a warm start from the last
 * solution leaves places to give back (the searches that index columns).
 */
function rounds(seed: number, rows: number, cols: number, count: number, allowUnmatched: boolean): AssignmentProblem[] {
  const next = seededRandom(seed);
  const lists: Map<number, number>[] = Array.from({ length: rows }, () => new Map());
  const capacity = Array.from({ length: cols }, () => 1 + Math.floor(next() * 4));
  const out: AssignmentProblem[] = [];
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < rows; i++) {
      const add = round === 0 ? 1 + Math.floor(next() * 3) : Math.floor(next() * 2);
      for (let a = 0; a < add; a++) {
        const j = Math.floor(next() * cols);
        if (!lists[i]!.has(j)) lists[i]!.set(j, Math.round(next() * 100) / 4);
      }
    }
    out.push({ rows, cols, compressed: compressedFromMaps(lists), sense: 'max', capacity, allowUnmatched });
  }
  return out;
}

/**
 * Solves the rounds in order, each from the last one's solution, with or without one
 * workspace for all. Through `solveAssignment`, and through the flow solver taking every
 * start as it is (as the places' solve does): then the places a start gives back are
 * restored by searches that index the columns' rows.
 */
function solveRounds(problems: readonly AssignmentProblem[], workspace: SolveWorkspace | undefined, asIs: boolean): AssignmentResult[] {
  let warmStart: WarmStart | undefined;
  return problems.map((problem) => {
    let result: AssignmentResult;
    if (asIs) {
      const normalized = normalizeProblem(problem, workspace);
      result = solveNormalized(normalized, 'flow', warmStart, { rebidShare: Infinity }, workspace);
    } else result = solveAssignment(problem, { method: 'flow', ...(workspace === undefined ? {} : { workspace }), ...(warmStart === undefined ? {} : { warmStart }) });
    warmStart = result.status === 'optimal' ? { assignment: result.assignment, colDual: result.duals.col } : undefined;
    return result;
  });
}

describe('SolveWorkspace', () => {
  it('gives every solve of a run the result it gives without one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 5, max: 80 }), fc.integer({ min: 2, max: 20 }), fc.integer({ min: 2, max: 5 }), fc.boolean(), fc.boolean(), (seed, rows, cols, count, allowUnmatched, asIs) => {
        const problems = rounds(seed, rows, cols, count, allowUnmatched);
        const alone = solveRounds(problems, undefined, asIs);
        const shared = solveRounds(problems, new SolveWorkspace(), asIs);
        expect(shared).toEqual(alone);
      }),
      { numRuns: runs(150) },
    );
  });
});
