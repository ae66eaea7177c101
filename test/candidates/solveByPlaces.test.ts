/**
 * solveByPlaces against the coachee orientation of the same problem (solveAssignment), with the
 * auction start held to its default degree and let run at any degree, and on coachees of few
 * kinds (alike coachees sharing one column), cold and from an earlier round's start: the same
 * optimum, every place filled, no coach over its places, and duals that cover every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveByPlaces } from '../../src/candidates/solveByPlaces.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { runs } from '../helpers/runs.js';
import { compressedFromMaps } from '../helpers/compressedRows.js';

/**
 * Scarce programmes big enough for the auction start (1,000 places or more): each coachee lists
 * 20–40 of 40 coaches, so a place lists about 750 coachees, beyond the default degree of 128.
 */
const scarceArbitrary = fc.record({ seed: fc.nat(), coachees: fc.integer({ min: 1_200, max: 1_500 }), ties: fc.boolean() }).map(({ seed, coachees, ties }) => {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const cols = 40;
  const capacity = Int32Array.from({ length: cols }, () => 25 + Math.floor(next() * 6));
  const rowStart = new Int32Array(coachees + 1);
  const colIndex: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < coachees; i++) {
    const listed = Array.from({ length: cols }, (_, j) => j).filter(() => next() < 0.75);
    for (const j of listed.length > 0 ? listed : [i % cols]) {
      colIndex.push(j);
      // With ties, few distinct weights: the price wars the auction is prone to.
      weight.push(ties ? Math.floor(next() * 3) : Math.round(next() * 1e6) / 1e3);
    }
    rowStart[i + 1] = colIndex.length;
  }
  return { rows: coachees, cols, capacity, pairs: { rowStart, colIndex: Int32Array.from(colIndex), weight: Float64Array.from(weight) } };
});

/** Compressed pairs; a problem of `rows` coachees and `cols` coaches with the given places. */
interface PlacesCase {
  readonly rows: number;
  readonly cols: number;
  readonly capacity: Int32Array;
  readonly pairs: { rowStart: Int32Array; colIndex: Int32Array; weight: Float64Array };
}

/** What every places solve must give: the coachee orientation's optimum, every place filled on allowed pairs, duals covering every pair. */
function expectPlacesOptimum({ rows, cols, capacity, pairs }: PlacesCase, solved: ReturnType<typeof solveByPlaces>): void {
  const reference = solveAssignment({ rows, cols, compressed: pairs, sense: 'max', capacity: Array.from(capacity), allowUnmatched: true });
  if (solved.status !== 'optimal' || reference.status !== 'optimal') throw new Error(`places solve ${solved.status}, reference ${reference.status}`);
  expect(solved.matched).toBe(capacity.reduce((a, b) => a + b, 0));
  expect(Math.abs(solved.objective - reference.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(reference.objective)));
  const load = new Int32Array(cols);
  let total = 0;
  solved.assignment.forEach((j, i) => {
    if (j === null) return;
    load[j]!++;
    const at = Array.from(pairs.colIndex.subarray(pairs.rowStart[i]!, pairs.rowStart[i + 1]!)).indexOf(j);
    expect(at).toBeGreaterThanOrEqual(0);
    total += pairs.weight[pairs.rowStart[i]! + at]!;
  });
  for (let j = 0; j < cols; j++) expect(load[j]).toBe(capacity[j]);
  expect(Math.abs(total - solved.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)));
  // Dual feasibility on every pair: no pair left out could raise the total.
  for (let i = 0; i < rows; i++) {
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
      const covered = solved.duals.row[i]! + solved.duals.col[pairs.colIndex[p]!]!;
      expect(pairs.weight[p]!).toBeLessThanOrEqual(covered + 1e-7 * (1 + Math.abs(covered)));
    }
  }
}

/**
 * Scarce programmes of coachees of 1–6 kinds, each kind's members with the same list and
 * weights, plus a few coachees of their own; then a second round that adds pairs to some
 * coachees (which splits some kinds) and the same with a round's start.
 */
const kindsArbitrary = fc.record({ seed: fc.nat(), kinds: fc.integer({ min: 1, max: 6 }), single: fc.integer({ min: 0, max: 8 }), cols: fc.integer({ min: 2, max: 12 }), ties: fc.boolean() }).map(({ seed, kinds, single, cols, ties }) => {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const draw = (): Map<number, number> => {
    const list = new Map<number, number>();
    for (let j = 0; j < cols; j++) if (next() < 0.6) list.set(j, ties ? Math.floor(next() * 3) : Math.round(next() * 1e4) / 1e2);
    if (list.size === 0) list.set(Math.floor(next() * cols), 1);
    return list;
  };
  const lists: Map<number, number>[] = [];
  for (let g = 0; g < kinds; g++) {
    const kind = draw();
    const members = 2 + Math.floor(next() * 12);
    for (let m = 0; m < members; m++) lists.push(new Map(kind));
  }
  for (let s = 0; s < single; s++) lists.push(draw());
  // Kinds interleaved, as rows come in a cohort's order.
  for (let i = lists.length - 1; i > 0; i--) {
    const r = Math.floor(next() * (i + 1));
    [lists[i], lists[r]] = [lists[r]!, lists[i]!];
  }
  const rows = lists.length;
  // Scarce: at most about half the coachees placed, every coach with a place.
  const capacity = Int32Array.from({ length: cols }, () => 1 + Math.floor((next() * rows) / (2 * cols)));
  const first = compressedFromMaps(lists);
  for (let i = 0; i < rows; i++) if (next() < 0.2) for (let j = 0; j < cols; j++) if (!lists[i]!.has(j)) lists[i]!.set(j, Math.round(next() * 1e4) / 1e2);
  return { first: { rows, cols, capacity, pairs: first }, second: { rows, cols, capacity, pairs: compressedFromMaps(lists) } };
});

describe('solveByPlaces', () => {
  it('solves coachees of few kinds at the coachee orientation’s optimum, cold and from the last round’s start', () => {
    fc.assert(
      fc.property(kindsArbitrary, ({ first, second }) => {
        const cold = solveByPlaces(first.rows, first.cols, first.pairs, first.capacity, 'auto');
        // The places can be filled only when enough coachees reach them: about 6 draws in 7 (257 of 300 when counted).
        if (cold.status !== 'optimal') return;
        expectPlacesOptimum(first, cold);
        const warm = solveByPlaces(second.rows, second.cols, second.pairs, second.capacity, 'auto', cold.placesStart);
        if (warm.status !== 'optimal') throw new Error('the second round cannot place fewer');
        expectPlacesOptimum(second, warm);
      }),
      { numRuns: runs(300) },
    );
  });


  it('fills every place at the coachee orientation’s optimum, with or without the auction at any degree', () => {
    fc.assert(
      fc.property(scarceArbitrary, (problem) => {
        const { rows, cols, capacity, pairs } = problem;
        for (const auctionAnyDegree of [false, true]) expectPlacesOptimum(problem, solveByPlaces(rows, cols, pairs, capacity, 'auto', undefined, undefined, { auctionAnyDegree }));
      }),
      { numRuns: runs(4) },
    );
  });
});
