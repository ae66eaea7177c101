import { sparsePairSet } from '../features/pairSet.js';
import type { Duals } from '../solver/types.js';
import type { PairBounds } from './pairBounds.js';

/** Pairs per exact evaluation of suspects: bounds the memory of one check. */
const CHUNK_PAIRS = 1_000_000;

/**
 * Violating pairs kept per row, the most violating first. Adding every violator after a first
 * solve whose prices are far from the full problem's would swell the next solve with pairs
 * the new prices make useless; a few per row is column generation's usual pace.
 */
const KEPT_PER_ROW = 8;

/** The verdict of one certificate over the pairs outside the candidates. */
export interface CertificateOutcome {
  readonly clearedByBound: number;
  readonly clearedExactly: number;
  /**
   * Per row, pairs whose exact weight exceeds `row dual + column dual` (they could improve
   * the total): the most violating few of them.
   */
  readonly violators: Map<number, number[]>;
  /** All violating pairs found, kept or not. */
  readonly violations: number;
  /**
   * Σ over rows of the row's largest violation: raising each row dual by it makes the duals
   * feasible for every pair, so the optimum is at most this much above the current total.
   */
  readonly gap: number;
}

/**
 * Checks LP dual feasibility on every pair outside the candidates: `w(i, j) <= row[i] + col[j]`
 * proves that adding the pair cannot improve the optimum. Each pair is first tested with its
 * bound (a table lookup); only a pair whose bound fails is evaluated exactly, in chunks.
 *
 * @param exactWeights solver weights (NaN when banned) of the given suspect pairs.
 */
export function certifyCandidates(
  bounds: PairBounds,
  candidates: readonly Int32Array[],
  duals: Duals,
  exactWeights: (pairs: ReturnType<typeof sparsePairSet>) => Float64Array,
): CertificateOutcome {
  const { rows, cols, multiplier, rowBound } = bounds;
  const fit = new Float64Array(cols);
  // Per row only the most violating few and the largest violation: a first round at
  // 100,000 × 10,000 can find millions of violators, too many to keep as objects.
  const found = new Map<number, { col: number; by: number }[]>();
  const largest = new Map<number, number>();
  const keep = (row: number, col: number, by: number) => {
    largest.set(row, Math.max(largest.get(row) ?? -Infinity, by));
    const list = found.get(row);
    if (list === undefined) {
      found.set(row, [{ col, by }]);
      return;
    }
    if (list.length < KEPT_PER_ROW) {
      list.push({ col, by });
      return;
    }
    // Replace the least violating kept pair (ties keep the lower column, as the final sort does).
    let least = 0;
    for (let q = 1; q < list.length; q++) {
      const a = list[q]!;
      const b = list[least]!;
      if (a.by < b.by || (a.by === b.by && a.col > b.col)) least = q;
    }
    const worst = list[least]!;
    if (by > worst.by || (by === worst.by && col < worst.col)) list[least] = { col, by };
  };
  let violations = 0;
  let clearedByBound = 0;
  let clearedExactly = 0;
  let pending: { row: number; cols: number[] }[] = [];
  let pendingPairs = 0;
  const tolerance = (x: number) => 1e-9 * (1 + Math.abs(x));
  const flush = () => {
    if (pendingPairs === 0) return;
    const rowStart = new Int32Array(rows + 1);
    const byRow = new Map(pending.map((p) => [p.row, p.cols]));
    for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (byRow.get(i)?.length ?? 0);
    const colIndex = new Int32Array(pendingPairs);
    for (const p of pending) colIndex.set(p.cols, rowStart[p.row]!);
    const pairs = sparsePairSet(rows, cols, rowStart, colIndex);
    const weights = exactWeights(pairs);
    for (const p of pending) {
      for (let k = 0; k < p.cols.length; k++) {
        const j = p.cols[k]!;
        const w = weights[rowStart[p.row]! + k]!;
        const covered = duals.row[p.row]! + duals.col[j]!;
        if (Number.isNaN(w) || w <= covered + tolerance(covered)) clearedExactly++;
        else {
          violations++;
          keep(p.row, j, w - covered);
        }
      }
    }
    pending = [];
    pendingPairs = 0;
  };
  for (let i = 0; i < rows; i++) {
    bounds.fitRow(i, fit);
    const m = multiplier[i]!;
    const rowDual = duals.row[i]!;
    const extra = m * rowBound[i]!;
    const inside = candidates[i]!;
    const suspects: number[] = [];
    let next = 0;
    for (let j = 0; j < cols; j++) {
      if (next < inside.length && inside[next] === j) {
        next++;
        continue;
      }
      if (bounds.open[j] === 0) {
        clearedByBound++; // no places: the pair can never be chosen
        continue;
      }
      const covered = rowDual + duals.col[j]!;
      if (m * fit[j]! + extra <= covered + tolerance(covered)) clearedByBound++;
      else suspects.push(j);
    }
    if (suspects.length > 0) {
      pending.push({ row: i, cols: suspects });
      pendingPairs += suspects.length;
      if (pendingPairs >= CHUNK_PAIRS) flush();
    }
  }
  flush();
  const violators = new Map<number, number[]>();
  let gap = 0;
  for (const [row, list] of found) {
    list.sort((a, b) => b.by - a.by || a.col - b.col);
    gap += largest.get(row)!;
    violators.set(row, list.map((v) => v.col));
  }
  return { clearedByBound, clearedExactly, violators, violations, gap };
}
