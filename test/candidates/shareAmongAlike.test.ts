/**
 * alikeRows against grouping by the rows' columns and weights written out; shareAmongAlike
 * gives every member one list that holds each member's own, and only adds columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PairBounds } from '../../src/candidates/pairBounds.js';
import { alikeRows, shareAmongAlike } from '../../src/candidates/shareAmongAlike.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import { runs } from '../helpers/runs.js';

/** Rows drawn from a few templates (columns and weights, NaN for banned), so many repeat. */
const rowsArbitrary = fc
  .array(
    fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }).chain((columns) =>
      fc.record({ columns: fc.constant(columns.sort((a, b) => a - b)), weights: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2.5) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), { minLength: columns.length, maxLength: columns.length }) }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((templates) => fc.array(fc.nat({ max: templates.length - 1 }), { minLength: 1, maxLength: 60 }).map((picks) => picks.map((t) => templates[t]!)));

function weighedOf(rows: readonly { columns: number[]; weights: number[] }[]): { candidates: Int32Array[]; weighed: { pairs: PairSet; weights: Float64Array } } {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (rowStart[i + 1] = rowStart[i]! + r.columns.length));
  const pairs = sparsePairSet(rows.length, 10, rowStart, Int32Array.from(rows.flatMap((r) => r.columns)));
  return { candidates: rows.map((r) => Int32Array.from(r.columns)), weighed: { pairs, weights: Float64Array.from(rows.flatMap((r) => r.weights)) } };
}

describe('alikeRows', () => {
  it('groups the rows of identical columns and weights, groups of at least 8, in row order; a row with a banned pair (NaN) in none', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const { candidates, weighed } = weighedOf(rows);
        const byKey = new Map<string, number[]>();
        rows.forEach((r, i) => {
          const key = r.weights.some(Number.isNaN) ? `banned ${i}` : JSON.stringify(r);
          byKey.set(key, [...(byKey.get(key) ?? []), i]);
        });
        const expected = [...byKey.values()].filter((g) => g.length >= 8).sort((a, b) => a[0]! - b[0]!);
        expect(alikeRows(candidates, weighed)).toEqual(expected);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('shareAmongAlike', () => {
  it('gives each group one list holding every member’s columns and the most violating ones of its lowest-priced member', () => {
    // 10 rows, 6 columns of 1 place; every weight 1 (rows 0–9 alike), row duals 0 for rows 0–4 and
    // 0.5 for the rest, column duals 0 but column 5's (1): columns 2–4 violate for row 0 by 1.
    const capacity = Int32Array.from([1, 1, 1, 1, 1, 1]);
    const candidates = Array.from({ length: 10 }, (_, i) => Int32Array.from(i === 3 ? [0, 1] : [0]));
    const exactWeights = (pairs: PairSet) => new Float64Array(pairs.size).fill(1);
    const duals = { row: [0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5], col: [0, 0, 0, 0, 0, 1] };
    // Row bounds of 1 (times 1) everywhere: every column a violation could come from is looked at.
    const bounds = { rows: 10, cols: 6, multiplier: new Float64Array(10).fill(1), unit: 1, boundRow: (_: number, out: Float64Array) => out.fill(1) } as unknown as PairBounds;
    const added = shareAmongAlike(bounds, [Array.from({ length: 10 }, (_, i) => i)], candidates, duals, exactWeights, capacity, 2);
    // Columns 0 and 1 hold 2 places for 10 rows: columns 2, 3 and 4 all join (5 does not violate).
    for (const list of candidates) expect(Array.from(list)).toEqual([0, 1, 2, 3, 4]);
    expect(added).toBe(10 * 5 - 11);
    // Within a budget of pairs a round: a group that would add more waits, and its lists stay.
    const before = Array.from({ length: 10 }, (_, i) => Int32Array.from(i === 3 ? [0, 1] : [0]));
    const waiting = before.map((list) => list.slice());
    expect(shareAmongAlike(bounds, [Array.from({ length: 10 }, (_, i) => i)], waiting, duals, exactWeights, capacity, 2, 10 * 5 - 12)).toBe(0);
    expect(waiting).toEqual(before);
  });
});
