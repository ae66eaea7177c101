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
  /** Row i's columns are `colIndex[start[i] .. end[i]]`, ascending (rows need not follow each other there). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly colIndex: Int32Array;
  /** Per row, a bound on every column not listed (−∞ when none is left with places). */
  readonly rest: Float64Array;
}

/**
 * Collects {@link TopBounds} of rows taken in any order (a selection that claims blocks of
 * rows from the back takes them last block first), each row's list appended where the last
 * ended. Room is set aside for `rows` full lists; only the part written is touched.
 */
export class TopBoundsBuilder {
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly colIndex: Int32Array;
  private readonly rest: Float64Array;
  private size = 0;

  constructor(rows: number, perRow: number) {
    this.start = new Int32Array(rows);
    this.end = new Int32Array(rows);
    this.colIndex = new Int32Array(rows * perRow);
    this.rest = new Float64Array(rows).fill(-Infinity);
  }

  /** Row `row`'s listed columns (ascending, at most `perRow`), and the bound of the rest. */
  add(row: number, columns: Int32Array, rest: number): void {
    this.colIndex.set(columns, this.size);
    this.start[row] = this.size;
    this.size += columns.length;
    this.end[row] = this.size;
    this.rest[row] = rest;
  }

  /** Row `row` lists what row `from` (added before) lists: both read the same stretch. */
  copy(row: number, from: number): void {
    this.start[row] = this.start[from]!;
    this.end[row] = this.end[from]!;
    this.rest[row] = this.rest[from]!;
  }

  /** The lists of rows `from` up to `to`, as views: row `from` is row 0 there. */
  finish(from: number, to: number): TopBounds {
    return { start: this.start.subarray(from, to), end: this.end.subarray(from, to), colIndex: this.colIndex.subarray(0, this.size), rest: this.rest.subarray(from, to) };
  }
}

/** The lists of rows before, then of the rows after: one {@link TopBounds} of both. */
export function joinTopBounds(a: TopBounds, b: TopBounds): TopBounds {
  const rows = a.rest.length + b.rest.length;
  const start = new Int32Array(rows);
  const end = new Int32Array(rows);
  const rest = new Float64Array(rows);
  let size = 0;
  for (const part of [a, b]) for (let i = 0; i < part.rest.length; i++) size += part.end[i]! - part.start[i]!;
  const colIndex = new Int32Array(size);
  let row = 0;
  let at = 0;
  for (const part of [a, b]) {
    for (let i = 0; i < part.rest.length; i++, row++) {
      const list = part.colIndex.subarray(part.start[i]!, part.end[i]!);
      colIndex.set(list, at);
      start[row] = at;
      at += list.length;
      end[row] = at;
      rest[row] = part.rest[i]!;
    }
  }
  return { start, end, colIndex, rest };
}
