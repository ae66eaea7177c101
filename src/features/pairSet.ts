import { CoachmatchError } from '../errors.js';

/**
 * The (coachee row, coach column) pairs a feature build or a policy covers, in compressed
 * rows: row i's pairs are `rowStart[i] .. rowStart[i+1]-1`, columns ascending. A pair's index
 * in that order is where its values sit in every per-pair array. On a full set the index of
 * (i, j) is `i · cols + j`, so dense code can keep its row-major arithmetic.
 */
export interface PairSet {
  readonly rows: number;
  readonly cols: number;
  /** Number of pairs. */
  readonly size: number;
  /** True when every pair is present (index = row · cols + col). */
  readonly full: boolean;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Index of the pair, or −1 when it is not in the set. */
  indexOf(row: number, col: number): number;
}

/** Every pair of a rows × cols table. */
export function fullPairSet(rows: number, cols: number): PairSet {
  const size = rows * cols;
  if (size > 0x7fffffff) throw new CoachmatchError('internal', `${rows} × ${cols} pairs do not fit one table; use candidate pairs`);
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i <= rows; i++) rowStart[i] = i * cols;
  const colIndex = new Int32Array(size);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) colIndex[i * cols + j] = j;
  return {
    rows,
    cols,
    size,
    full: true,
    rowStart,
    colIndex,
    indexOf: (row, col) => (row >= 0 && row < rows && col >= 0 && col < cols ? row * cols + col : -1),
  };
}

/**
 * A set of chosen pairs, from compressed rows whose columns ascend strictly within each row.
 *
 * @throws CoachmatchError `internal` when the rows are malformed: callers build them.
 */
export function sparsePairSet(rows: number, cols: number, rowStart: Int32Array, colIndex: Int32Array): PairSet {
  if (rowStart.length !== rows + 1 || rowStart[0] !== 0 || rowStart[rows] !== colIndex.length) {
    throw new CoachmatchError('internal', 'pair set: row starts do not frame the column list');
  }
  for (let i = 0; i < rows; i++) {
    if (rowStart[i + 1]! < rowStart[i]! || rowStart[i + 1]! > colIndex.length) {
      throw new CoachmatchError('internal', `pair set: row ${i} ends before it starts or past the column list`);
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      if (j < 0 || j >= cols || (k > rowStart[i]! && colIndex[k - 1]! >= j)) {
        throw new CoachmatchError('internal', `pair set: row ${i} has columns out of range or out of order`);
      }
    }
  }
  const full = colIndex.length === rows * cols;
  return {
    rows,
    cols,
    size: colIndex.length,
    full,
    rowStart,
    colIndex,
    indexOf: full
      ? (row, col) => (row >= 0 && row < rows && col >= 0 && col < cols ? row * cols + col : -1)
      : (row, col) => (row >= 0 && row < rows ? findColumn(colIndex, rowStart[row]!, rowStart[row + 1]!, col) : -1),
  };
}

/** Where `col` sits in the ascending `colIndex[from .. to)`, or −1 (binary search). */
export function findColumn(colIndex: Int32Array, from: number, to: number, col: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = colIndex[mid]!;
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
