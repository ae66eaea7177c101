/**
 * Group bids of identical rows in the auction: the row's best few columns found in one pass, a
 * bid that leaves every twin within ε of its best, and solves started from such auctions that
 * stay exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBids, type AuctionState } from '../../src/solver/groupBids.js';
import { solveWithFlow } from '../../src/solver/flowSolver.js';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import { smallestOfRow } from '../../src/solver/smallestOfRow.js';
import { twinRows } from '../../src/solver/twinRows.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { expectAgreesWith } from '../helpers/checkResult.js';
import { runs } from '../helpers/runs.js';

/** A coach's places as rows: groups of identical rows over columns of one place each (weights null where a pair is missing). */
const placesProblem = fc
  .record({
    cols: fc.integer({ min: 2, max: 12 }),
    groups: fc.array(fc.record({ size: fc.integer({ min: 1, max: 5 }), seed: fc.array(fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 4 }), { minLength: 12, maxLength: 12 }) }), { minLength: 1, maxLength: 5 }),
    allowUnmatched: fc.boolean(),
  })
  .map(({ cols, groups, allowUnmatched }): AssignmentProblem => {
    const weights = groups.flatMap(({ size, seed }) => Array.from({ length: size }, () => seed.slice(0, cols)));
    return { weights, capacity: Array.from({ length: cols }, () => 1), sense: 'max', allowUnmatched };
  });

describe('smallestOfRow', () => {
  it('gives a row’s least values, ties to the earlier pair, least first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 20 }), fc.integer({ min: 1, max: 6 }), (costs, want) => {
        const n = costs.length;
        const rowStart = Int32Array.of(0, n);
        const colIndex = Int32Array.from({ length: n }, (_, k) => k);
        const cost = Float64Array.from(costs);
        const price = Float64Array.from({ length: n }, (_, j) => (j % 3) * 0.5);
        const atPair = new Int32Array(want);
        const value = new Float64Array(want);
        const found = smallestOfRow(rowStart, colIndex, cost, price, 0, want, atPair, value);
        const expected = costs.map((c, k) => ({ k, v: c + price[k]! })).sort((a, b) => a.v - b.v || a.k - b.k).slice(0, want);
        expect(found).toBe(expected.length);
        expect(Array.from(atPair.subarray(0, found))).toEqual(expected.map((e) => e.k));
        expect(Array.from(value.subarray(0, found))).toEqual(expected.map((e) => e.v));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('groupBids', () => {
  it('places a row and its unplaced twins on their best columns, each within ε of its best at the new prices', () => {
    fc.assert(
      fc.property(placesProblem, fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.nat(), (problem, prices, placed, epsilon, pick) => {
        const normalized = normalizeProblem(problem);
        const { rows, cols, rowStart, colIndex, cost } = normalized;
        const slotStart = Int32Array.from({ length: cols + 1 }, (_, j) => j);
        // Some rows already placed on a column of theirs (distinct columns), at random prices.
        const state: AuctionState = {
          bidderSlot: new Int32Array(rows).fill(-1),
          cheapPrice: Float64Array.from({ length: cols }, (_, j) => prices[j]!),
          cheapSlot: Int32Array.from({ length: cols }, (_, j) => j),
          slotPrice: Float64Array.from({ length: cols }, (_, j) => prices[j]!),
          slotHolder: new Int32Array(cols).fill(-1),
          rowCost: new Float64Array(rows),
        };
        for (let i = 0; i < rows; i++) {
          if (!placed[i]) continue;
          for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
            const j = colIndex[k]!;
            if (state.slotHolder[j] !== -1) continue;
            state.slotHolder[j] = i;
            state.bidderSlot[i] = j;
            state.rowCost[i] = cost[k]!;
            break;
          }
        }
        const refresh = (j: number) => (state.cheapPrice[j] = state.slotPrice[j]!);
        const bids = groupBids(normalized, slotStart, twinRows(normalized), state, refresh);
        const unplaced = Array.from({ length: rows }, (_, i) => i).filter((i) => state.bidderSlot[i]! < 0 && rowStart[i + 1]! > rowStart[i]!);
        fc.pre(bids !== null && unplaced.length > 0);
        const row = unplaced[pick % unplaced.length]!;
        const before = { holder: Int32Array.from(state.slotHolder), unplaced: new Set(unplaced), price: Float64Array.from(state.cheapPrice) };
        const requeued: number[] = [];
        const count = bids!.bid(row, epsilon, (evicted) => requeued.push(evicted));
        const twins = unplaced.filter((i) => sameRow(normalized, i, row));
        if (count === 0) {
          // Alone, or too few columns for the group and one more: the row bids alone.
          const pairs = rowStart[row + 1]! - rowStart[row]!;
          expect(twins.length < 2 || pairs < twins.length + 1).toBe(true);
          return;
        }
        expect(count).toBe(Math.min(twins.length, 16));
        const members = Array.from({ length: rows }, (_, i) => i).filter((i) => before.unplaced.has(i) && state.bidderSlot[i]! >= 0);
        expect(members).toContain(row);
        expect(members.length).toBe(count);
        const valueAt = (i: number, j: number) => {
          for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) if (colIndex[k] === j) return cost[k]! + state.cheapPrice[j]!;
          return Infinity;
        };
        const best = Math.min(...Array.from({ length: cols }, (_, j) => valueAt(row, j)));
        // Each raised to where a twin is indifferent to the next best column before the bid, plus ε.
        const earlier: number[] = [];
        for (let k = rowStart[row]!; k < rowStart[row + 1]!; k++) earlier.push(cost[k]! + before.price[colIndex[k]!]!);
        const bar = earlier.sort((a, b) => a - b)[count]!;
        for (const m of members) {
          expect(sameRow(normalized, m, row)).toBe(true);
          const j = state.bidderSlot[m]!;
          expect(state.slotHolder[j]).toBe(m);
          // Within ε of its best (up to rounding), every twin alike.
          expect(valueAt(m, j)).toBeLessThanOrEqual(best + epsilon + 1e-9);
          expect(valueAt(m, j)).toBeCloseTo(bar + epsilon, 9);
          const evicted = before.holder[j]!;
          if (evicted >= 0) {
            expect(requeued).toContain(evicted);
            expect(state.bidderSlot[evicted]).toBe(-1);
          }
        }
        expect(new Set(members.map((m) => state.bidderSlot[m])).size).toBe(count);
      }),
      { numRuns: runs(300) },
    );
  });

  it('is not made for columns of several places, or rows without twins', () => {
    const twinless = normalizeProblem({ weights: [[1, 2], [2, 1]], capacity: [1, 1], sense: 'max' });
    const noState = { bidderSlot: new Int32Array(2), cheapPrice: new Float64Array(2), cheapSlot: new Int32Array(2), slotPrice: new Float64Array(2), slotHolder: new Int32Array(2), rowCost: new Float64Array(2) };
    expect(groupBids(twinless, Int32Array.of(0, 1, 2), twinRows(twinless), noState, () => {})).toBeNull();
    const wide = normalizeProblem({ weights: [[1, 2], [1, 2]], capacity: [2, 1], sense: 'max' });
    expect(groupBids(wide, Int32Array.of(0, 2, 3), twinRows(wide), noState, () => {})).toBeNull();
    expect(groupBids(wide, Int32Array.of(0, 1, 2), twinRows(wide), noState, () => {})).not.toBeNull();
  });
});

describe('solveWithFlow started from an auction with group bids', () => {
  it('agrees with the LP backend on places solved as rows', () => {
    fc.assert(
      fc.property(placesProblem, fc.integer({ min: 1, max: 60 }), (problem, bids) => {
        const normalized = normalizeProblem(problem);
        const started = solveWithFlow(normalized, { spareBidsPerRow: bids, auctionBidsPerRow: bids, auctionMinRows: 0, auctionMaxDegree: Infinity, coldShare: Infinity });
        expectAgreesWith(problem, started, solveWithLp(normalized));
      }),
      { numRuns: runs(200) },
    );
  });
});

function sameRow(problem: ReturnType<typeof normalizeProblem>, a: number, b: number): boolean {
  const { rowStart, colIndex, cost } = problem;
  const length = rowStart[a + 1]! - rowStart[a]!;
  if (length !== rowStart[b + 1]! - rowStart[b]!) return false;
  for (let q = 0; q < length; q++) if (colIndex[rowStart[a]! + q] !== colIndex[rowStart[b]! + q] || cost[rowStart[a]! + q] !== cost[rowStart[b]! + q]) return false;
  return true;
}
