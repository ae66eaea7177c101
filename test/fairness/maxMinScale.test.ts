import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMaxMin } from '../../src/fairness/solveMaxMin.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';
import { scaledProblem } from '../helpers/scaledProblem.js';

/**
 * Max–min at any weight scale: weights × 2^k (exact) give the unscaled answer, its worst level,
 * totals and price of fairness × 2^k. Its one tolerance, the level step, is a share of the
 * largest |level|, so nothing in it is absolute (a hunt over k in {-60, …, 50} found no defect).
 */
describe('solveMaxMin at any weight scale', () => {
  it('scales the unscaled answer by 2^k, k in [-100, 100]', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 6, maxCols: 4 }), fc.integer({ min: -100, max: 100 }), fc.constantFrom('flow' as const, 'lp' as const), (problem, k, method) => {
        // Weights of at most 100 in size, and none so small that × 2^-100 would be denormal: exact.
        const weights = (problem.weights?.flat() ?? problem.edges?.map((e) => e[2]) ?? []).filter((w) => w !== null && w !== 0);
        fc.pre(weights.every((w) => Math.abs(w!) > 1e-200));
        const factor = 2 ** k;
        const unscaled = solveMaxMin(problem, { method });
        const scaled = solveMaxMin(scaledProblem(problem, factor), { method });
        expect(scaled.status).toBe(unscaled.status);
        if (scaled.status !== 'optimal' || unscaled.status !== 'optimal') return;
        expect(scaled.matched).toBe(unscaled.matched);
        // + 0: a level of -0 is 0.
        expect(scaled.worst === null ? null : scaled.worst + 0).toBe(unscaled.worst === null ? null : unscaled.worst * factor + 0);
        expect(scaled.optimumWorst === null ? null : scaled.optimumWorst + 0).toBe(unscaled.optimumWorst === null ? null : unscaled.optimumWorst * factor + 0);
        const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
        expect(near(scaled.objective / factor, unscaled.objective)).toBe(true);
        expect(near(scaled.optimum / factor, unscaled.optimum)).toBe(true);
        expect(near(scaled.priceOfFairness / factor, unscaled.priceOfFairness)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});
