/** Pairs in compressed columns: column j's pairs are `colStart[j] .. colStart[j+1]-1`, rows ascending. */
export interface ColumnPairs {
  readonly colStart: Int32Array;
  readonly row: Int32Array;
  readonly value: Float64Array;
}

/** The pairs of compressed rows, with one value each, regrouped by column (a counting sort). */
export function byColumn(rows: number, cols: number, rowStart: Int32Array, colIndex: Int32Array, values: Float64Array): ColumnPairs {
  const colStart = new Int32Array(cols + 1);
  for (let k = 0; k < colIndex.length; k++) colStart[colIndex[k]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, cols);
  const row = new Int32Array(colIndex.length);
  const value = new Float64Array(colIndex.length);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const at = fill[colIndex[k]!]!++;
      row[at] = i;
      value[at] = values[k]!;
    }
  }
  return { colStart, row, value };
}
