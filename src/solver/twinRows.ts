import type { NormalizedProblem } from './normalizedProblem.js';

/**
 * Per row, the first row of its run of identical rows (same columns, same costs, one after
 * another), or null when no row equals the one before it. A coach's places, solved as rows,
 * come as such runs: a search that has scanned one twin need not scan another whose start is
 * no better, since every column it offers would come at the same key or a worse one.
 */
export function twinRows(problem: NormalizedProblem): Int32Array | null {
  const { rows, rowStart, colIndex, cost } = problem;
  let first: Int32Array | null = null;
  for (let i = 1; i < rows; i++) {
    const from = rowStart[i]!;
    const length = rowStart[i + 1]! - from;
    const before = rowStart[i - 1]!;
    if (length === 0 || from - before !== length || !sameRange(colIndex, cost, before, from, length)) continue;
    if (first === null) {
      first = new Int32Array(rows);
      for (let r = 0; r < rows; r++) first[r] = r;
    }
    first[i] = first[i - 1]!;
  }
  return first;
}

function sameRange(colIndex: Int32Array, cost: Float64Array, a: number, b: number, length: number): boolean {
  for (let q = 0; q < length; q++) if (colIndex[a + q] !== colIndex[b + q] || cost[a + q] !== cost[b + q]) return false;
  return true;
}
