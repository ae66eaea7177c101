/**
 * Blocks of rows taken from both ends (RowBlocks) and selections of ranges handed out in any
 * order (selectRanges): however the two ends interleave, each ends with one range, the two
 * meet without a gap or an overlap, and the rows are chosen as one selection of all would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { RowBlocks } from '../../src/candidates/rowBlocks.js';
import { joinTopBounds } from '../../src/candidates/topBounds.js';
import { selectCandidates, selectRanges, type NextRows } from '../../src/candidates/selectCandidates.js';
import { CoachmatchError } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { runs } from '../helpers/runs.js';

/** Takes blocks from both ends in the order `fronts` says (true: the front's turn) until neither gets one. */
function takeAll(blocks: RowBlocks, fronts: readonly boolean[]): { front: (readonly [number, number])[]; back: (readonly [number, number])[] } {
  const ends = { front: blocks.fromFront(), back: blocks.fromBack() };
  const taken = { front: [] as (readonly [number, number])[], back: [] as (readonly [number, number])[] };
  const done = { front: false, back: false };
  for (let turn = 0; !(done.front && done.back); turn++) {
    const end = done.front ? 'back' : done.back ? 'front' : (fronts[turn % Math.max(1, fronts.length)] ?? true) ? 'front' : 'back';
    const range = ends[end]();
    if (range === null) done[end] = true;
    else taken[end].push(range);
  }
  return taken;
}

describe('RowBlocks', () => {
  it('leaves the front rows 0 … s − 1 and the back rows s … rows − 1, each block taken once, in any interleaving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.boolean(), { maxLength: 30 }), (rows, blockRows, fronts) => {
        const blocks = new RowBlocks(rows, blockRows);
        const { front, back } = takeAll(blocks, fronts);
        // The front's blocks run up from 0, the back's down from the last row, each block whole.
        let at = 0;
        for (const [from, to] of front) {
          expect(from).toBe(at);
          expect(to - from).toBe(Math.min(blockRows, rows - from));
          at = to;
        }
        let down = rows;
        for (const [from, to] of back) {
          expect(to).toBe(down);
          expect(from % blockRows).toBe(0);
          down = from;
        }
        // They meet: every row taken, none twice.
        expect(down).toBe(at);
        expect(front.length + back.length).toBe(blocks.blocks);
        // Once all are taken, neither end gets another.
        expect(blocks.fromFront()()).toBeNull();
        expect(blocks.fromBack()()).toBeNull();
      }),
      { numRuns: runs(200) },
    );
  });

  it('refuses blocks of no rows', () => {
    expect(() => new RowBlocks(10, 0)).toThrow(RangeError);
    expect(() => new RowBlocks(10, 1.5)).toThrow(RangeError);
  });
});

describe('selectRanges', () => {
  const cohort = parseCohort(syntheticCohort(45, 120, 7));
  const { bounds, exactWeights } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
  const rows = bounds.rows;
  const k = 3;
  const whole = selectCandidates(bounds, k, exactWeights);
  const listsOf = (top: typeof whole.top) => Array.from(top.rest, (_, i) => Array.from(top.colIndex.subarray(top.start[i]!, top.end[i]!)));
  /** Hands out the given ranges one after another. */
  const handOut = (ranges: readonly (readonly [number, number])[]): NextRows => {
    let q = 0;
    return () => ranges[q++] ?? null;
  };

  it('chooses the rows of blocks taken from both ends as one selection of every row does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.boolean(), { maxLength: 12 }), (blockRows, fronts) => {
        const { front, back } = takeAll(new RowBlocks(rows, blockRows), fronts);
        const mine = selectRanges(bounds, k, exactWeights, handOut(front));
        // The back's blocks come last block first; with none, its empty range sits at the end.
        const theirs = selectRanges(bounds, k, exactWeights, handOut(back), { emptyAt: rows });
        expect(mine.from).toBe(0);
        expect(mine.to).toBe(theirs.from);
        expect(theirs.to).toBe(rows);
        const joined = (key: 'candidates' | 'weights') => [...mine.selection[key], ...theirs.selection[key]].map((a) => Array.from(a));
        expect(joined('candidates')).toEqual(whole.candidates.map((a) => Array.from(a)));
        expect(joined('weights')).toEqual(whole.weights.map((a) => Array.from(a)));
        expect([...mine.selection.evaluated, ...theirs.selection.evaluated]).toEqual(Array.from(whole.evaluated));
        expect([...listsOf(mine.selection.top), ...listsOf(theirs.selection.top)]).toEqual(listsOf(whole.top));
        expect([...mine.selection.top.rest, ...theirs.selection.top.rest]).toEqual(Array.from(whole.top.rest));
      }),
      { numRuns: runs(12) },
    );
  });

  it('joins the top lists of two ranges, the later one listed last block first, into those of the whole selection', () => {
    // As when this thread selects what a stalled helper left.
    const { front, back } = takeAll(new RowBlocks(rows, 4), [true, false, false]);
    const mine = selectRanges(bounds, k, exactWeights, handOut(front)).selection.top;
    const theirs = selectRanges(bounds, k, exactWeights, handOut(back), { emptyAt: rows }).selection.top;
    const joined = joinTopBounds(mine, theirs);
    expect(listsOf(joined)).toEqual(listsOf(whole.top));
    expect(Array.from(joined.rest)).toEqual(Array.from(whole.top.rest));
    // Packed: exactly the listed columns, nothing between rows.
    expect(joined.colIndex.length).toBe(listsOf(whole.top).reduce((n, list) => n + list.length, 0));
  });

  it('rejects ranges that leave a gap, overlap, or run past the rows', () => {
    for (const ranges of [
      [[0, 5], [7, 10]],
      [[0, 6], [5, 10]],
      [[0, rows + 1]],
    ] as const) {
      expect(() => selectRanges(bounds, k, exactWeights, handOut(ranges))).toThrow(CoachmatchError);
    }
  });
});
