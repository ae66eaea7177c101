import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addColumns, mergeColumns } from '../../src/candidates/columnLists.js';
import { runs } from '../helpers/runs.js';

/** A candidate list: ascending, no repeats. */
const list = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }).map((cols) => Int32Array.from(cols).sort());
/** Columns to add: any order, repeats and columns already listed allowed (violators are such). */
const extra = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 20 });

describe('mergeColumns', () => {
  it('gives every column of either, ascending, each once', () => {
    fc.assert(
      fc.property(list, extra, (own, more) => {
        const merged = mergeColumns(own, more);
        expect(Array.from(merged)).toEqual([...new Set([...own, ...more])].sort((a, b) => a - b));
      }),
      { numRuns: runs(300) },
    );
  });

  it('leaves the list it merges into as it was', () => {
    const own = Int32Array.of(1, 4, 9);
    mergeColumns(own, [9, 2, 2, 0]);
    expect(Array.from(own)).toEqual([1, 4, 9]);
  });
});

describe('addColumns', () => {
  it('counts only the pairs that are new', () => {
    const candidates = [Int32Array.of(0, 3), Int32Array.of(5)];
    const added = addColumns(candidates, new Map([[0, [3, 1, 1]], [1, [5]]]));
    expect(added).toBe(1);
    expect(candidates.map((c) => Array.from(c))).toEqual([[0, 1, 3], [5]]);
  });
});
