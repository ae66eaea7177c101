import { freshPairs } from '../memory/roundBuffers.js';

/** Pairs in compressed columns: column j's pairs are `colStart[j] .. colStart[j+1]-1`, rows ascending. */
export interface ColumnPairs {
  readonly colStart: Int32Array;
  readonly row: Int32Array;
  readonly value: Float64Array;
}

/** Where {@link byColumn} writes its rows and values (every entry is written over); new arrays by default. */
export interface ColumnPairsRoom {
  readonly row: (length: number) => Int32Array;
  readonly value: (length: number) => Float64Array;
}

const newArrays: ColumnPairsRoom = { row: freshPairs.columns, value: freshPairs.weights };

/**
 * The pairs of compressed rows, with one value each, regrouped by column (a counting sort);
 * of the rows in `only` (ascending) alone, when given.
 */
export function byColumn(
  rows: number,
  cols: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
  values: Float64Array,
  only: Int32Array | null = null,
  room: ColumnPairsRoom = newArrays,
): ColumnPairs {
  const count = only === null ? rows : only.length;
  const colStart = new Int32Array(cols + 1);
  let pairs = 0;
  for (let q = 0; q < count; q++) {
    const i = only === null ? q : only[q]!;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) colStart[colIndex[k]! + 1]!++;
    pairs += rowStart[i + 1]! - rowStart[i]!;
  }
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, cols);
  const row = room.row(pairs);
  const value = room.value(pairs);
  for (let q = 0; q < count; q++) {
    const i = only === null ? q : only[q]!;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const at = fill[colIndex[k]!]!++;
      row[at] = i;
      value[at] = values[k]!;
    }
  }
  return { colStart, row, value };
}
