import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reuseWeights } from '../../src/candidates/reuseWeights.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import { runs } from '../helpers/runs.js';

const COLS = 6;

/** Per row, a sorted set of columns. */
const lists = (rows: number) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: COLS - 1 }), { maxLength: COLS }).map((l) => [...l].sort((a, b) => a - b)), { minLength: rows, maxLength: rows });

function toPairs(rowsLists: number[][]): PairSet {
  const rowStart = new Int32Array(rowsLists.length + 1);
  rowsLists.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
  return sparsePairSet(rowsLists.length, COLS, rowStart, Int32Array.from(rowsLists.flat()));
}

/**
 * A stand-in evaluation whose weight depends on the row's whole list (as a waiver can) and
 * that counts the pairs it is asked for.
 */
function counting() {
  let evaluated = 0;
  const evaluate = (pairs: PairSet) => {
    evaluated += pairs.size;
    const out = new Float64Array(pairs.size);
    for (let i = 0; i < pairs.rows; i++) {
      const length = pairs.rowStart[i + 1]! - pairs.rowStart[i]!;
      for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) out[p] = (i + 1) * 100 + pairs.colIndex[p]! + (length === 1 ? Number.NaN : length / 10);
    }
    return out;
  };
  return { evaluate, evaluated: () => evaluated };
}

describe('reuseWeights', () => {
  it('equals a fresh evaluation and evaluates only the rows whose list changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((rows) => fc.tuple(lists(rows), lists(rows), fc.array(fc.boolean(), { minLength: rows, maxLength: rows }))),
        ([before, other, keep]) => {
          const after = before.map((l, i) => (keep[i] ? l : other[i]!));
          const first = counting();
          const oldPairs = toPairs(before);
          const oldWeights = first.evaluate(oldPairs);
          const reuse = counting();
          const newPairs = toPairs(after);
          const got = reuseWeights(newPairs, { pairs: oldPairs, weights: oldWeights }, reuse.evaluate);
          expect(Array.from(got)).toEqual(Array.from(counting().evaluate(newPairs)));
          const changedPairs = after.reduce((n, l, i) => n + (l.join() === before[i]!.join() ? 0 : l.length), 0);
          expect(reuse.evaluated()).toBe(changedPairs);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('evaluates everything when there is nothing before', () => {
    const { evaluate, evaluated } = counting();
    const pairs = toPairs([[0, 2], [1]]);
    expect(Array.from(reuseWeights(pairs, null, evaluate))).toEqual(Array.from(counting().evaluate(pairs)));
    expect(evaluated()).toBe(3);
  });
});
