import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { PairBounds } from './pairBounds.js';
import { TopBoundsBuilder, type TopBounds } from './topBounds.js';
import { topByValue } from './topByValue.js';

/** Pairs evaluated exactly at once: bounds the memory of one evaluation. */
const CHUNK_PAIRS = 1_000_000;

/** Solver weights (NaN when banned) of the pairs of a pair set. */
export type ExactWeights = (pairs: PairSet) => Float64Array;

/** Columns per row a selection lists by bound, as a multiple of k (see {@link TopBounds}). */
const LISTED_PER_K = 4;

/** What {@link selectCandidates} finds. */
export interface Selection {
  /** Per row, the chosen columns, ascending. */
  readonly candidates: Int32Array[];
  /** Per row, the columns of highest bound, for certificates to come. */
  readonly top: TopBounds;
}

/**
 * Each row's k allowed columns of highest exact solver weight, plus its favoured columns,
 * ascending. Exact without evaluating every pair: one scan lists each row's 4k columns of
 * highest bound; the 2k best of them are evaluated first, which sets a bar (the k-th best
 * weight found); then every other listed column whose bounds clear that bar is evaluated too,
 * and the rest of the row only when the best bound left out of the list clears it. A column
 * left out is bounded below the bar, so it cannot be among the k best. Ties go to the lower
 * column, so the choice follows the canonical order.
 */
export function selectCandidates(bounds: PairBounds, k: number, exactWeights: ExactWeights): Selection {
  const { rows, cols } = bounds;
  const first = Math.min(cols, 2 * k);
  const listed = Math.min(cols, Math.max(first, LISTED_PER_K * k));
  const out: Int32Array[] = new Array(rows);
  const top = new TopBoundsBuilder(rows, listed);
  const chunkRows = Math.max(1, Math.floor(CHUNK_PAIRS / Math.max(1, first)));
  const bound = new Float64Array(cols);
  for (let r0 = 0; r0 < rows; r0 += chunkRows) {
    const r1 = Math.min(rows, r0 + chunkRows);
    const byBound: Int32Array[] = [];
    // Per row, its listed columns beyond the first batch, by bound, best first.
    const later: { columns: Int32Array; bounds: Float64Array }[] = [];
    for (let i = r0; i < r1; i++) {
      bounds.boundRow(i, bound);
      for (let j = 0; j < cols; j++) if (bounds.open[j] === 0) bound[j] = -Infinity;
      const heap = topByValue(bound, listed + 1);
      // The heap's root is the (listed + 1)-th best: the best bound left out of the list.
      const rest = heap.length > listed ? bound[heap[0]!]! : -Infinity;
      const list = (heap.length > listed ? heap.subarray(1) : heap).filter((j) => bound[j] !== -Infinity);
      list.sort();
      top.add(i, list, Float64Array.from(list, (j) => bound[j]!), rest);
      const ranked = Array.from(list).sort((a, b) => bound[b]! - bound[a]! || a - b);
      // Favoured columns are evaluated up front: their bonus is not in the bound.
      const picked = new Set<number>(ranked.slice(0, first));
      for (const j of bounds.favoured[i]!) if (bounds.open[j] === 1) picked.add(j);
      byBound.push(Int32Array.from(picked).sort());
      const others = Int32Array.from(ranked.slice(first));
      later.push({ columns: others, bounds: Float64Array.from(others, (j) => bound[j]!) });
    }
    const firstWeights = evaluateRows(bounds, r0, byBound, exactWeights);
    const extras: Int32Array[] = [];
    for (let i = r0; i < r1; i++) {
      const bar = kthBest(firstWeights[i - r0]!, k);
      const m = bounds.multiplier[i]!;
      const seen = byBound[i - r0]!;
      const favoured = bounds.favoured[i]!; // evaluated already, whatever their rank
      const more: number[] = [];
      const { columns, bounds: listedBounds } = later[i - r0]!;
      for (let q = 0; q < columns.length; q++) {
        const j = columns[q]!;
        if (m * listedBounds[q]! > bar && !favoured.includes(j) && m * bounds.boundAt(i, j) > bar) more.push(j);
      }
      const rest = top.restOf(i);
      if (m < 0 || m * rest > bar) {
        // The list does not settle the row: every column outside it, too.
        bounds.boundRow(i, bound);
        for (const j of seen) bound[j] = -Infinity;
        for (const j of columns) bound[j] = -Infinity;
        for (let j = 0; j < cols; j++) {
          if (bounds.open[j] === 1 && m * bound[j]! > bar && m * bounds.boundAt(i, j) > bar) more.push(j);
        }
      }
      extras.push(Int32Array.from(more).sort());
    }
    const extraWeights = evaluateRows(bounds, r0, extras, exactWeights);
    for (let i = r0; i < r1; i++) {
      const { columns, weights } = mergeByColumn(byBound[i - r0]!, firstWeights[i - r0]!, extras[i - r0]!, extraWeights[i - r0]!);
      // Banned pairs (NaN) can never be chosen; ties go to the lower column (topByValue's rule).
      for (let q = 0; q < weights.length; q++) if (Number.isNaN(weights[q]!)) weights[q] = -Infinity;
      const chosen = new Set<number>();
      for (const q of topByValue(weights, k)) if (weights[q] !== -Infinity) chosen.add(columns[q]!);
      for (const j of bounds.favoured[i]!) if (bounds.open[j] === 1) chosen.add(j);
      out[i] = Int32Array.from(chosen).sort();
    }
  }
  return { candidates: out, top: top.finish() };
}

/** The k-th largest non-NaN weight, or −Infinity when there are fewer than k. */
function kthBest(weights: Float64Array, k: number): number {
  const allowed = weights.filter((w) => !Number.isNaN(w)).sort();
  return allowed.length >= k ? allowed[allowed.length - k]! : -Infinity;
}

/** Two column-sorted lists with their weights, merged into one column-sorted list. */
function mergeByColumn(a: Int32Array, aw: Float64Array, b: Int32Array, bw: Float64Array): { columns: Int32Array; weights: Float64Array } {
  const columns = new Int32Array(a.length + b.length);
  const weights = new Float64Array(a.length + b.length);
  let x = 0;
  let y = 0;
  for (let q = 0; q < columns.length; q++) {
    const fromA = y >= b.length || (x < a.length && a[x]! < b[y]!);
    columns[q] = fromA ? a[x]! : b[y]!;
    weights[q] = fromA ? aw[x++]! : bw[y++]!;
  }
  return { columns, weights };
}

/** Exact weights of the given columns of rows r0, r0+1, …, evaluated in chunks; per row, in the given order. */
function evaluateRows(bounds: PairBounds, r0: number, columns: readonly Int32Array[], exactWeights: ExactWeights): Float64Array[] {
  const out: Float64Array[] = [];
  let from = 0;
  while (from < columns.length) {
    let to = from;
    let pairs = 0;
    do pairs += columns[to++]!.length;
    while (to < columns.length && pairs + columns[to]!.length <= CHUNK_PAIRS);
    const rowStart = new Int32Array(bounds.rows + 1);
    for (let i = 0; i < bounds.rows; i++) {
      const local = i - r0;
      rowStart[i + 1] = rowStart[i]! + (local >= from && local < to ? columns[local]!.length : 0);
    }
    const colIndex = new Int32Array(pairs);
    for (let local = from; local < to; local++) colIndex.set(columns[local]!, rowStart[r0 + local]!);
    const weights = exactWeights(sparsePairSet(bounds.rows, bounds.cols, rowStart, colIndex));
    for (let local = from; local < to; local++) {
      const start = rowStart[r0 + local]!;
      out.push(weights.slice(start, start + columns[local]!.length));
    }
    from = to;
  }
  return out;
}
