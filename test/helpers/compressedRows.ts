import fc from 'fast-check';

/** Compressed rows' shape: per row a set of distinct columns (unsorted), and maybe a subset of the rows. */
export interface RowLists {
  readonly rows: number;
  readonly cols: number;
  readonly lists: number[][];
  readonly only: number[] | null;
}

/** Up to `maxRows` rows over up to `maxCols` columns, each row's columns distinct, with an optional subset of the rows. */
export function rowListsArbitrary(maxRows: number, maxCols: number, maxPerRow: number): fc.Arbitrary<RowLists> {
  return fc
    .record({ rows: fc.integer({ min: 0, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        lists: fc.array(fc.uniqueArray(fc.nat({ max: cols - 1 }), { maxLength: maxPerRow }), { minLength: rows, maxLength: rows }),
        only: fc.option(fc.uniqueArray(fc.nat({ max: Math.max(0, rows - 1) }), { maxLength: rows }), { nil: null }),
      }),
    );
}

/** Rows given as maps of column to weight, in compressed rows (columns ascending per row). */
export function compressedFromMaps(lists: readonly ReadonlyMap<number, number>[]): { rowStart: Int32Array; colIndex: Int32Array; weight: Float64Array } {
  const rowStart = new Int32Array(lists.length + 1);
  const colIndex: number[] = [];
  const weight: number[] = [];
  lists.forEach((list, i) => {
    for (const j of [...list.keys()].sort((a, b) => a - b)) {
      colIndex.push(j);
      weight.push(list.get(j)!);
    }
    rowStart[i + 1] = colIndex.length;
  });
  return { rowStart, colIndex: Int32Array.from(colIndex), weight: Float64Array.from(weight) };
}
