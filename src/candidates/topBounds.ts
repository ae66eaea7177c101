/**
 * Per row, the columns of highest row bound (`PairBounds.boundRow`, before the multiplier),
 * and one bound for every other column: the best row bound left out. Bounds do not move
 * between rounds, so a certificate whose row dual and smallest column dual cover `rest`
 * needs to look at the listed columns only, not at every column. The listed columns' own
 * bounds are not kept: a certificate looks them up again (`PairBounds.rowBoundsOf`, a few
 * lookups a column), which costs less than holding them (at 100,000 × 10,000, 6k = 288 a
 * row: 115 MB per thread, written while selecting and faulted in page by page).
 */
export interface TopBounds {
  /** Compressed rows: row i's columns are `colIndex[rowStart[i] .. rowStart[i + 1]]`, ascending. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Per row, a bound on every column not listed (−∞ when none is left with places). */
  readonly rest: Float64Array;
}

/** Collects {@link TopBounds} row by row, in row order. */
export class TopBoundsBuilder {
  private readonly rowStart: Int32Array;
  private readonly colIndex: Int32Array;
  private readonly rest: Float64Array;
  private size = 0;

  constructor(rows: number, perRow: number) {
    this.rowStart = new Int32Array(rows + 1);
    this.colIndex = new Int32Array(rows * perRow);
    this.rest = new Float64Array(rows).fill(-Infinity);
  }

  /** Row `row`'s listed columns (ascending), and the bound of the rest. */
  add(row: number, columns: Int32Array, rest: number): void {
    this.colIndex.set(columns, this.size);
    this.size += columns.length;
    this.rowStart[row + 1] = this.size;
    this.rest[row] = rest;
  }

  finish(): TopBounds {
    return { rowStart: this.rowStart, colIndex: this.colIndex.subarray(0, this.size), rest: this.rest };
  }
}

/** The lists of rows before, then of the rows after: one {@link TopBounds} of both. */
export function joinTopBounds(a: TopBounds, b: TopBounds): TopBounds {
  const firstRows = a.rest.length;
  const size = a.colIndex.length;
  const rowStart = new Int32Array(firstRows + b.rest.length + 1);
  rowStart.set(a.rowStart);
  for (let i = 1; i <= b.rest.length; i++) rowStart[firstRows + i] = size + b.rowStart[i]!;
  const colIndex = new Int32Array(size + b.colIndex.length);
  colIndex.set(a.colIndex);
  colIndex.set(b.colIndex, size);
  const rest = new Float64Array(firstRows + b.rest.length);
  rest.set(a.rest);
  rest.set(b.rest, firstRows);
  return { rowStart, colIndex, rest };
}
