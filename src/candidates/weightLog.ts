/** Exact weights remembered at most (12 bytes each): beyond, later rows are evaluated again when suspected. */
const MAX_REMEMBERED = 8_000_000;

/**
 * Exact solver weights of pairs, in compressed rows (columns ascending per row): the suspects
 * of one certificate, so that later rounds, whose duals differ only a little, need not
 * evaluate the same pairs again.
 */
export interface KnownWeights {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
}

/** Appends (row, col, weight) in row order, columns ascending within a row; grows by half again. */
export class WeightLog {
  private cols = new Int32Array(1 << 16);
  private weights = new Float64Array(1 << 16);
  private size = 0;
  /** Per row, the row whose remembered weights it copies (see copyRow), or −1; null while none does. */
  private copyOf: Int32Array | null = null;
  private readonly perRow: Int32Array;

  constructor(private readonly rows: number) {
    this.perRow = new Int32Array(rows);
  }

  add(row: number, col: number, weight: number): void {
    if (this.size >= MAX_REMEMBERED) return; // later rows are simply not remembered
    if (this.size === this.cols.length) {
      const grown = Math.min(MAX_REMEMBERED, Math.ceil(1.5 * this.size));
      const cols = new Int32Array(grown);
      cols.set(this.cols);
      this.cols = cols;
      const weights = new Float64Array(grown);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.cols[this.size] = col;
    this.weights[this.size++] = weight;
    this.perRow[row]!++;
  }

  /** Row `row` (after every row added, in row order) remembers what row `source` did. */
  copyRow(row: number, source: number): void {
    this.copyOf ??= new Int32Array(this.rows).fill(-1);
    this.copyOf[row] = source;
  }

  finish(): KnownWeights {
    const rowStart = new Int32Array(this.rows + 1);
    const copyOf = this.copyOf;
    if (copyOf === null) {
      for (let i = 0; i < this.rows; i++) rowStart[i + 1] = rowStart[i]! + this.perRow[i]!;
      // Views, not copies: a copy would briefly hold both at 100k-row scale.
      return { rowStart, colIndex: this.cols.subarray(0, this.size), weight: this.weights.subarray(0, this.size) };
    }
    // Rows added (in row order) and rows copied, laid out in row order, cut where row by row
    // they pass the most remembered: as if every row had been added.
    const ownStart = new Int32Array(this.rows + 1);
    for (let i = 0; i < this.rows; i++) ownStart[i + 1] = ownStart[i]! + (copyOf[i]! >= 0 ? 0 : this.perRow[i]!);
    const lengthOf = (i: number) => (copyOf[i]! >= 0 ? this.perRow[copyOf[i]!]! : this.perRow[i]!);
    for (let i = 0; i < this.rows; i++) rowStart[i + 1] = Math.min(MAX_REMEMBERED, rowStart[i]! + lengthOf(i));
    const colIndex = new Int32Array(rowStart[this.rows]!);
    const weight = new Float64Array(rowStart[this.rows]!);
    for (let i = 0; i < this.rows; i++) {
      const from = ownStart[copyOf[i]! >= 0 ? copyOf[i]! : i]!;
      const length = rowStart[i + 1]! - rowStart[i]!;
      colIndex.set(this.cols.subarray(from, from + length), rowStart[i]!);
      weight.set(this.weights.subarray(from, from + length), rowStart[i]!);
    }
    return { rowStart, colIndex, weight };
  }
}
