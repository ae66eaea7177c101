/**
 * The auction's bid cache: as prices rise (and, after an invalidation, fall), every bid it
 * answers is the one a scan of the whole row gives, whether from the kept pairs or a new scan,
 * identical rows sharing one cache.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BidCache } from '../../src/solver/bidCache.js';
import { twinRows } from '../../src/solver/twinRows.js';
import { runs } from '../helpers/runs.js';

/** Rows over `cols` columns (small integer costs, so values tie), some rows repeated: twins. */
const rowsArbitrary = fc.integer({ min: 1, max: 12 }).chain((cols) =>
  fc.record({
    cols: fc.constant(cols),
    rows: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 3 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }),
    repeats: fc.array(fc.nat(7), { maxLength: 6 }),
  }),
);

/** What happens to the prices between bids: a rise, or a fall (after which the cache must be told). */
const stepArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('bid' as const), row: fc.nat(20) }),
  fc.record({ kind: fc.constant('rise' as const), col: fc.nat(11), by: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('fall' as const), col: fc.nat(11), by: fc.integer({ min: 1, max: 4 }) }),
);

describe('BidCache', () => {
  it('answers every bid as a scan of the whole row would, prices rising and falling', () => {
    let fromKept = 0;
    fc.assert(
      fc.property(rowsArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 200 }), fc.boolean(), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }), ({ cols, rows: distinct, repeats }, steps, shareTwins, keep, scannedLength) => {
        const grid = [...distinct, ...repeats.map((r) => distinct[r % distinct.length]!)];
        const rowStart = new Int32Array(grid.length + 1);
        const colIndex: number[] = [];
        const cost: number[] = [];
        grid.forEach((row, i) => {
          row.forEach((c, j) => {
            if (c === null) return;
            colIndex.push(j);
            cost.push(c);
          });
          rowStart[i + 1] = colIndex.length;
        });
        const problem = { rows: grid.length, rowStart, colIndex: Int32Array.from(colIndex), cost: Float64Array.from(cost) };
        const twins = shareTwins ? twinRows(problem) : null;
        // Few kept pairs, so that rows reach past them; the shortest rows scanned at every bid.
        const cache = new BidCache(problem, twins, keep, scannedLength);
        const price = new Float64Array(cols);
        for (const step of steps) {
          if (step.kind === 'rise') price[step.col % cols]! += step.by;
          else if (step.kind === 'fall') {
            price[step.col % cols]! -= step.by;
            cache.invalidate();
          } else {
            const i = step.row % grid.length;
            // The scan's answer: least and second least value, the first pair of least value.
            let best = Infinity;
            let second = Infinity;
            let bestPair = -1;
            for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
              const v = problem.cost[k]! + price[problem.colIndex[k]!]!;
              if (v < best) {
                second = best;
                best = v;
                bestPair = k;
              } else if (v < second) second = v;
            }
            const scansBefore = cache.scans;
            cache.bid(i, price);
            if (cache.scans === scansBefore) fromKept++;
            expect([cache.best, cache.second]).toEqual([best, second]);
            if (bestPair < 0) expect(cache.bestPair).toBe(-1);
            else {
              // A twin's cache answers with the first twin's pair: the same column and cost, and the same place in the row.
              expect(problem.colIndex[cache.bestPair]).toBe(problem.colIndex[bestPair]);
              expect(cache.bestPair - rowStart[twins?.[i] ?? i]!).toBe(bestPair - rowStart[i]!);
            }
          }
        }
      }),
      { numRuns: runs(300) },
    );
    // The kept pairs answered some of them.
    expect(fromKept).toBeGreaterThan(0);
  });

  it('answers from the kept pairs while the prices of a long row move little, and scans when they move past the bar', () => {
    // One row of 40 columns costing 0, 1, …, 39; the kept are the four cheapest, the bar 4.
    const rowStart = Int32Array.of(0, 40);
    const colIndex = Int32Array.from({ length: 40 }, (_, j) => j);
    const cost = Float64Array.from({ length: 40 }, (_, j) => j);
    const price = new Float64Array(40);
    const cache = new BidCache({ rowStart, colIndex, cost }, null, 4, 0);
    cache.bid(0, price);
    expect(cache.scans).toBe(1);
    price[0] = 2.5; // column 0 now worth 2.5: still below the bar, column 1 best
    cache.bid(0, price);
    expect([cache.best, cache.second, cache.bestPair, cache.scans]).toEqual([1, 2, 1, 1]);
    price[1] = 3.5; // the kept now 2.5, 4.5, 12, 3: best and second below the bar
    price[2] = 10;
    cache.bid(0, price);
    expect([cache.best, cache.second, cache.bestPair, cache.scans]).toEqual([2.5, 3, 0, 1]);
    price[0] = 10;
    price[3] = 10; // the kept now 10, 4.5, 12, 13: the best may be outside (column 4 is worth 4)
    cache.bid(0, price);
    expect([cache.best, cache.second, cache.bestPair, cache.scans]).toEqual([4, 4.5, 4, 2]);
  });

  it('scans again where the kept pairs cannot tell: a tie at the bar, or a second best past it', () => {
    const rowStart = Int32Array.of(0, 4);
    const colIndex = Int32Array.of(0, 1, 2, 3);
    // Costs 3, 2, 2, 9, two kept: columns 1 and 2, the bar 3 (column 0's).
    const tie = new BidCache({ rowStart, colIndex, cost: Float64Array.of(3, 2, 2, 9) }, null, 2, 0);
    const price = new Float64Array(4);
    tie.bid(0, price);
    price[1] = 1;
    price[2] = 1;
    // The kept are worth 3 now, as much as column 0, which comes first: a scan's pick.
    tie.bid(0, price);
    expect([tie.best, tie.second, tie.bestPair, tie.scans]).toEqual([3, 3, 0, 2]);
    // Costs 0, 1, 2, 5, two kept: columns 0 and 1, the bar 2 (column 2's).
    const past = new BidCache({ rowStart, colIndex, cost: Float64Array.of(0, 1, 2, 5) }, null, 2, 0);
    price.fill(0);
    past.bid(0, price);
    price[1] = 10;
    price[2] = 1;
    // Column 1's 11 is past the bar; what lies beyond it has risen too (column 2's 3).
    past.bid(0, price);
    expect([past.best, past.second, past.bestPair, past.scans]).toEqual([0, 3, 0, 2]);
  });
});

