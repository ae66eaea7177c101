import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auctionPrices, spareSchedule, tightSchedule } from '../../src/solver/auctionPrices.js';
import { BidCache } from '../../src/solver/bidCache.js';
import { twinRows } from '../../src/solver/twinRows.js';
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

describe('auctionPrices with its bid cache', () => {
  /** Places of coaches as rows over many columns of one place: groups of identical long rows, small weights (ties). */
  const longRows = fc
    .record({
      cols: fc.integer({ min: 20, max: 120 }),
      groups: fc.array(fc.record({ size: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 0, max: 1_000_000 }), share: fc.integer({ min: 3, max: 10 }) }), { minLength: 1, maxLength: 12 }),
      top: fc.integer({ min: 2, max: 40 }),
    })
    .map(({ cols, groups, top }) => {
      const weights = groups.flatMap(({ size, seed, share }) => {
        // A row's weights from its seed: every column listed with probability share / 10.
        let state = seed;
        const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 1000) / 1000;
        const row = Array.from({ length: cols }, () => (next() < share / 10 ? Math.floor(next() * top) : null));
        return Array.from({ length: size }, () => row);
      });
      return normalizeProblem({ weights, capacity: Array.from({ length: cols }, () => 1), sense: 'max', allowUnmatched: true });
    });

  it('bids as scanning every row at every bid does: the same prices and rows, from caches of any size', () => {
    fc.assert(
      fc.property(longRows, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 5, max: 200 }), (problem, keep, scannedLength, bids) => {
        const scanned = auctionPrices(problem, bids, tightSchedule, undefined, twinRows(problem), (pairs, twins) => new BidCache(pairs, twins, keep, Infinity));
        const cached = auctionPrices(problem, bids, tightSchedule, undefined, twinRows(problem), (pairs, twins) => new BidCache(pairs, twins, keep, scannedLength));
        const alone = auctionPrices(problem, bids, tightSchedule, undefined, twinRows(problem), (pairs) => new BidCache(pairs, null, keep, scannedLength));
        expect(Array.from(cached.prices)).toEqual(Array.from(scanned.prices));
        expect(Array.from(cached.rowCol)).toEqual(Array.from(scanned.rowCol));
        expect(Array.from(alone.prices)).toEqual(Array.from(scanned.prices));
        expect(Array.from(alone.rowCol)).toEqual(Array.from(scanned.rowCol));
      }),
      { numRuns: runs(150) },
    );
  });
});
