/**
 * topByValue against a full sort: the k largest values, ties to the lower index. The heap is
 * written out by hand for speed, so its order rules are checked on values with many ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topByValue } from '../../src/candidates/topByValue.js';
import { largestAt, topInOrder } from '../../src/candidates/topInOrder.js';
import { runs } from '../helpers/runs.js';

/** The k largest by a stable sort: value descending, then index ascending. */
function bySorting(values: readonly number[], k: number): number[] {
  return values
    .map((v, j) => ({ v, j }))
    .sort((a, b) => b.v - a.v || a.j - b.j)
    .slice(0, k)
    .map((e) => e.j)
    .sort((a, b) => a - b);
}

describe('topByValue', () => {
  it('picks the k largest values, ties to the lower index, as a full sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(-Infinity), fc.constant(Infinity)), { maxLength: 200 }),
        fc.nat({ max: 220 }),
        (values, k) => {
          const picked = [...topByValue(Float64Array.from(values), k)].sort((a, b) => a - b);
          expect(picked).toEqual(bySorting(values, k));
        },
      ),
      { numRuns: runs(400) },
    );
  });
});

describe('topInOrder', () => {
  it('picks what topByValue picks, in ascending order, from any prefix of the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(-Infinity)), { maxLength: 200 }),
        fc.nat({ max: 220 }),
        fc.nat({ max: 10 }),
        (values, want, cut) => {
          const n = Math.max(0, values.length - cut);
          const out = new Int32Array(values.length + 1);
          const count = topInOrder(Float64Array.from(values), n, want, new Float64Array(values.length), out);
          expect(Array.from(out.subarray(0, count))).toEqual(bySorting(values.slice(0, n), want));
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('picks what sorting picks from hundreds of values of a few levels, as a row bound takes (bucketed first)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((x) => 2 + x / 200) }, { weight: 1, arbitrary: fc.constant(-Infinity) }), { minLength: 64, maxLength: 700 }),
        fc.nat({ max: 700 }),
        (values, want) => {
          const out = new Int32Array(values.length);
          const count = topInOrder(Float64Array.from(values), values.length, want, new Float64Array(values.length), out);
          expect(Array.from(out.subarray(0, count))).toEqual(bySorting(values, want));
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('largestAt is the value at that rank in descending order, the values left as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }).map((x) => x / 8), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(-Infinity)), { minLength: 1, maxLength: 700 }),
        fc.nat(),
        (values, at) => {
          const want = 1 + (at % values.length);
          const given = Float64Array.from(values);
          // Compared with ===: a −0 and a 0 are the same value at a rank.
          expect(largestAt(given, values.length, want, new Float64Array(values.length)) === [...values].sort((a, b) => b - a)[want - 1]).toBe(true);
          expect(Array.from(given)).toEqual(values);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
