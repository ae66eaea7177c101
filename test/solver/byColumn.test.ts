import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byColumn } from '../../src/solver/byColumn.js';
import { rowListsArbitrary } from '../helpers/compressedRows.js';
import { runs } from '../helpers/runs.js';

/** Compressed rows, each row's columns ascending, and maybe a subset of the rows. */
const compressedRows = rowListsArbitrary(40, 60, 30);

describe('byColumn', () => {
  it('lists each column’s pairs with their values, rows ascending', () => {
    fc.assert(
      fc.property(compressedRows, ({ rows, cols, lists, only }) => {
        const sorted = lists.map((l) => [...l].sort((a, b) => a - b));
        const rowStart = new Int32Array(rows + 1);
        sorted.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
        const colIndex = Int32Array.from(sorted.flat());
        // A value that names its pair, so a pair moved without its value shows.
        const values = Float64Array.from(sorted.flatMap((l, i) => l.map((j) => i * 1000 + j)));
        const chosen = only === null || rows === 0 ? null : Int32Array.from([...only].filter((i) => i < rows).sort((a, b) => a - b));
        // Half the time in room left over from elsewhere (as a solve workspace hands out): every entry must be written over.
        const leftOver = { row: (n: number) => new Int32Array(n + 3).fill(-7).subarray(0, n), value: (n: number) => new Float64Array(n + 3).fill(-7.5).subarray(0, n) };
        const { colStart, row, value } = byColumn(rows, cols, rowStart, colIndex, values, chosen, rows % 2 === 0 ? leftOver : undefined);
        const included = (i: number) => chosen === null || chosen.includes(i);
        for (let j = 0; j < cols; j++) {
          const expected = sorted.flatMap((l, i) => (included(i) && l.includes(j) ? [i] : []));
          const got = Array.from(row.subarray(colStart[j]!, colStart[j + 1]!));
          expect(got).toEqual(expected);
          expect(Array.from(value.subarray(colStart[j]!, colStart[j + 1]!))).toEqual(expected.map((i) => i * 1000 + j));
        }
        expect(colStart[cols]).toBe(row.length);
      }),
      { numRuns: runs(200) },
    );
  });
});
