import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auctionPrices, spareSchedule } from '../../src/solver/auctionPrices.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { findPair } from '../../src/solver/buildResult.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

describe('auctionPrices', () => {
  it('ends on allowed pairs within capacity, with prices at least the lowest (0)', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 30, maxCols: 8, maxCapacity: 6 }), fc.integer({ min: 1, max: 60 }), (problem, bids) => {
        const normalized = normalizeProblem(problem);
        const { prices, rowCol } = auctionPrices(normalized, bids, spareSchedule);
        const load = new Int32Array(normalized.cols);
        rowCol.forEach((j, i) => {
          if (j < 0) return;
          expect(findPair(normalized, i, j)).toBeGreaterThanOrEqual(0);
          load[j]!++;
        });
        load.forEach((n, j) => expect(n).toBeLessThanOrEqual(normalized.capacity[j]!));
        prices.forEach((p) => expect(p >= 0 && Number.isFinite(p)).toBe(true));
      }),
      { numRuns: runs(300) },
    );
  });

  // The stand-ins' point: once every row is placed, a column with a place left empty is
  // priced at the lowest price, as at the optimum (else the flow solver must lower it).
  it('prices every column that keeps an empty place at 0 once all rows are placed', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 40, maxCols: 8, maxCapacity: 8 }), (problem) => {
        const normalized = normalizeProblem(problem);
        // Many phases from a coarse ε: prices raised early that a later phase must undo.
        const { prices, rowCol } = auctionPrices(normalized, 10_000, { firstDivisor: 1, divisor: 2, finalFactor: 0.01 });
        const bidding = (i: number) => normalized.rowStart[i + 1]! > normalized.rowStart[i]!;
        fc.pre(rowCol.every((j, i) => j >= 0 || !bidding(i)));
        const load = new Int32Array(normalized.cols);
        for (const j of rowCol) if (j >= 0) load[j]!++;
        load.forEach((n, j) => {
          if (n < normalized.capacity[j]!) expect(prices[j]).toBe(0);
        });
      }),
      { numRuns: runs(500) },
    );
  });
});
