/**
 * solveByPlaces against the coachee orientation of the same problem (solveAssignment), with the
 * auction start held to its default degree and let run at any degree: the same optimum, every
 * place filled, no coach over its places, and duals that cover every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveByPlaces } from '../../src/candidates/solveByPlaces.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { runs } from '../helpers/runs.js';

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

describe('solveByPlaces', () => {
  it('fills every place at the coachee orientation’s optimum, with or without the auction at any degree', () => {
    fc.assert(
      fc.property(scarceArbitrary, ({ rows, cols, capacity, pairs }) => {
        const reference = solveAssignment({ rows, cols, compressed: pairs, sense: 'max', capacity: Array.from(capacity), allowUnmatched: true });
        expect(reference.status).toBe('optimal');
        const places = capacity.reduce((a, b) => a + b, 0);
        for (const auctionAnyDegree of [false, true]) {
          const solved = solveByPlaces(rows, cols, pairs, capacity, 'auto', undefined, undefined, { auctionAnyDegree });
          if (solved.status !== 'optimal' || reference.status !== 'optimal') throw new Error(`places solve ${solved.status}`);
          expect(solved.matched).toBe(places);
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
      }),
      { numRuns: runs(4) },
    );
  });
});
