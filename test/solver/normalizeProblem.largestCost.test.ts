/**
 * normalizeProblem finds each problem's largest |cost| while it checks the pairs (the bound that
 * keeps a warm start's potentials in reach, see internalStart): the same from weights, edges or
 * compressed rows, in either sense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

describe('normalizeProblem largestCost', () => {
  it('is the largest |weight| of an allowed pair (0 with none), whatever form the pairs come in', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 12, maxCols: 8 }), fc.constantFrom('min' as const, 'max' as const), (problem, sense) => {
        const normalized = normalizeProblem({ ...problem, sense });
        let largest = 0;
        for (const w of normalized.weight) largest = Math.max(largest, Math.abs(w));
        expect(normalized.largestCost).toBe(largest);
        const compressed = normalizeProblem({
          rows: normalized.rows,
          cols: normalized.cols,
          compressed: { rowStart: normalized.rowStart, colIndex: normalized.colIndex, weight: Float64Array.from(normalized.weight) },
          sense,
          ...(problem.capacity === undefined ? {} : { capacity: problem.capacity }),
        });
        expect(compressed.largestCost).toBe(largest);
      }),
      { numRuns: runs(300) },
    );
  });

  it('takes a negative weight by its size', () => {
    const problem = normalizeProblem({ rows: 2, cols: 2, compressed: { rowStart: Int32Array.of(0, 1, 2), colIndex: Int32Array.of(0, 1), weight: Float64Array.of(-7, 3) } });
    expect(problem.largestCost).toBe(7);
    expect(normalizeProblem({ weights: [[null, 2], [-9, null]] }).largestCost).toBe(9);
    expect(normalizeProblem({ rows: 1, cols: 1, edges: [] }).largestCost).toBe(0);
  });
});
