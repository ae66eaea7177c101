import { CoachmatchError } from '../errors.js';
import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { PairBounds } from './pairBounds.js';
import { TopBoundsBuilder, type TopBounds } from './topBounds.js';
import { BoundedBest } from './boundedBest.js';
import { topByValue } from './topByValue.js';
import { kthLargest } from './topInOrder.js';
import { RowScan } from './rowScan.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
import { float64Slices, int32Slices } from './typedSlices.js';

/** Solver weights (NaN when banned) of the pairs of a pair set. */
export type ExactWeights = (pairs: PairSet) => Float64Array;

/** Columns per row a selection lists by bound, as a multiple of k (see {@link TopBounds}). */
const LISTED_PER_K = 6;

/** What {@link selectCandidates} finds. */
export interface Selection {
  /** Per row, the chosen columns, ascending. */
  readonly candidates: Int32Array[];
  /** Per row, the columns of highest bound, for certificates to come. */
  readonly top: TopBounds;
  /** Per row, the exact weights of the chosen columns (NaN when banned), as evaluated here. */
  readonly weights: Float64Array[];
  /** Per row, how many of its pairs were evaluated here, in calls of at most that many: whether a waiver could have touched them. */
  readonly evaluated: Int32Array;
}

/**
 * Each row's k allowed columns of highest exact solver weight, plus its favoured columns,
 * ascending. Exact without evaluating every pair. One scan per row lists its 6k columns of
 * highest row bound and takes the pair bounds of those (a pair's fit and identity terms, so
 * nearly its weight); the k best by pair bound are evaluated first. Their k-th pair bound
 * predicts the bar (the k-th best weight): every other column whose bounds clear the
 * prediction is kept aside, and evaluated when its pair bound clears the actual bar. When
 * penalties or bans put the bar below the prediction, the row is scanned again against the
 * bar. A column never evaluated is bounded below the bar, so it cannot be among the k best.
 * Ties go to the lower column, so the choice follows the canonical order; a row whose
 * multiplier is 0, on which every allowed pair ties, takes its own stretch of the columns
 * instead (see RowScan.indifferent). Row multipliers are never negative (see
 * {@link PairBounds}). Rows `from` up to `to` only, when given (see also {@link selectRanges});
 * `onChunk` hears of each chunk of rows done.
 */
export function selectCandidates(bounds: PairBounds, k: number, exactWeights: ExactWeights, from = 0, to = bounds.rows, onChunk?: () => void): Selection {
  let given = false;
  return selectRanges(bounds, k, exactWeights, () => (given ? null : ((given = true), [from, to])), { within: [from, to], onChunk }).selection;
}

/** A range of rows, `from` up to `to`, to select next; null when none is left (see {@link selectRanges}). */
export type NextRows = () => readonly [from: number, to: number] | null;

/** Where {@link selectRanges}' ranges may lie, where it reports none, and whom it tells of each chunk of rows done. */
export interface RangeOptions {
  /** The rows every range lies within (default every row): what is set aside for their lists. */
  readonly within?: readonly [from: number, to: number];
  /** Where the empty range is when no range has a row (default the start of `within`). */
  readonly emptyAt?: number;
  readonly onChunk?: () => void;
}

/**
 * {@link selectCandidates} of the ranges `next` hands out, one after another, until it hands
 * out none: together they must make one range of rows, `from` up to `to`, in any order (a
 * helper thread that takes blocks of rows from the back takes them last block first). Each row's
 * choice depends on that row alone, so rows selected here or elsewhere, in ranges of any
 * size, are chosen alike.
 */
export function selectRanges(bounds: PairBounds, k: number, exactWeights: ExactWeights, next: NextRows, options: RangeOptions = {}): { selection: Selection; from: number; to: number } {
  const { cols } = bounds;
  const [low, high] = options.within ?? [0, bounds.rows];
  const { onChunk, emptyAt = low } = options;
  const listed = Math.min(cols, LISTED_PER_K * k);
  // Indexed by row less `low`: the ranges fill their own parts.
  const out: Int32Array[] = new Array(high - low);
  const outWeights: Float64Array[] = new Array(high - low);
  const evaluated = new Int32Array(high - low);
  const top = new TopBoundsBuilder(high - low, listed);
  const chunkRows = selectionChunkRows(k);
  const scan = new RowScan(bounds, listed, k);
  const scratch = new MergeScratch();
  // Heap space for each row's final choice of k.
  const choice = new BoundedBest(k);
  // The rows' choices and weights, kept to the end: views of a few large arrays.
  const keptColumns = int32Slices();
  const keptWeights = float64Slices();
  // Each row's chosen columns, and per column the last row (plus 1) that chose it.
  const chosen: number[] = [];
  const chosenBy = new Int32Array(cols);
  // The row starts of each evaluation's pair set, rewritten call after call.
  const rowStarts = new Int32Array(bounds.rows + 1);
  const twins = twinSources(bounds);
  /** Selects rows `from` up to `to`, a chunk at a time. */
  const selectRange = (from: number, to: number): void => {
    for (let r0 = from; r0 < to; r0 += chunkRows) {
      const r1 = Math.min(to, r0 + chunkRows);
      const firstBatch: Int32Array[] = [];
      // Per row, the columns kept aside with their pair bounds, and the predicted bar.
      const aside: { columns: Int32Array; bounds: Float64Array; predicted: number }[] = [];
      // Per row of the chunk, the row whose choice it copies (an exact twin chosen before it), or −1.
      const copies: number[] = [];
      for (let i = r0; i < r1; i++) {
        const source = twins.sourceOf(i);
        copies.push(source);
        if (source >= 0) {
          top.copy(i - low, source - low);
          firstBatch.push(NO_COLUMNS);
          aside.push(NOTHING_ASIDE);
          continue;
        }
        const row = scan.scan(i);
        top.add(i - low, row.list, row.rest);
        firstBatch.push(row.batch);
        aside.push(row.aside);
      }
      const firstWeights = evaluateRows(bounds, r0, firstBatch, exactWeights, rowStarts);
      const extras: Int32Array[] = [];
      for (let i = r0; i < r1; i++) {
        if (copies[i - r0]! >= 0) {
          extras.push(NO_COLUMNS);
          continue;
        }
        const bar = kthBest(firstWeights[i - r0]!, k, scratch);
        const { columns, bounds: own, predicted } = aside[i - r0]!;
        if (bar < predicted) {
          // The bar fell below its prediction: what was set aside does not cover the row.
          extras.push(scan.rescan(i, bar, firstBatch[i - r0]!));
          continue;
        }
        const more: number[] = [];
        for (let q = 0; q < columns.length; q++) if (own[q]! > bar) more.push(columns[q]!);
        extras.push(scan.sortedScratch(more));
      }
      const extraWeights = evaluateRows(bounds, r0, extras, exactWeights, rowStarts);
      for (let i = r0; i < r1; i++) {
        const source = copies[i - r0]!;
        if (source >= 0) {
          // Chosen before this row (in this chunk or an earlier one): copied, as views of their own.
          out[i - low] = keptColumns.take(out[source - low]!.length);
          out[i - low]!.set(out[source - low]!);
          outWeights[i - low] = keptWeights.take(outWeights[source - low]!.length);
          outWeights[i - low]!.set(outWeights[source - low]!);
          evaluated[i - low] = evaluated[source - low]!;
          continue;
        }
        const { columns, weights } = mergeByColumn(firstBatch[i - r0]!, firstWeights[i - r0]!, extras[i - r0]!, extraWeights[i - r0]!, scratch);
        // Banned pairs (NaN) can never be chosen; ties go to the lower column (topByValue's rule).
        for (let q = 0; q < weights.length; q++) if (Number.isNaN(weights[q]!)) weights[q] = -Infinity;
        // The k best and the favoured, each once (a column is marked with its row).
        chosen.length = 0;
        const keys = scan.choiceKeys(i, columns, weights);
        for (const q of topByValue(keys, k, choice)) {
          if (keys[q] === -Infinity || chosenBy[columns[q]!] === i + 1) continue;
          chosenBy[columns[q]!] = i + 1;
          chosen.push(columns[q]!);
        }
        for (const j of bounds.favoured[i]!) {
          if (bounds.open[j] === 0 || chosenBy[j] === i + 1) continue;
          chosenBy[j] = i + 1;
          chosen.push(j);
        }
        const list = keptColumns.take(chosen.length);
        for (let q = 0; q < chosen.length; q++) list[q] = chosen[q]!;
        list.sort();
        // Every chosen column was evaluated (the favoured with the first batch): its weight is
        // kept for the first round, −∞ back to NaN (no allowed pair weighs −∞).
        const own = keptWeights.take(list.length);
        for (let q = 0, at = 0; q < list.length; q++) {
          while (columns[at]! < list[q]!) at++;
          own[q] = weights[at] === -Infinity ? Number.NaN : weights[at]!;
        }
        out[i - low] = list;
        outWeights[i - low] = own;
        evaluated[i - low] = columns.length;
      }
      onChunk?.();
    }
  };
  const ranges: (readonly [number, number])[] = [];
  for (let range = next(); range !== null; range = next()) {
    const [from, to] = range;
    if (!(Number.isInteger(from) && Number.isInteger(to) && low <= from && from <= to && to <= high)) {
      throw new CoachmatchError('internal', `selection of rows ${from} up to ${to}, outside rows ${low} up to ${high}`);
    }
    ranges.push(range);
    selectRange(from, to);
  }
  const [from, to] = joinedRange(ranges, emptyAt);
  const selection: Selection = { candidates: out.slice(from - low, to - low), top: top.finish(from - low, to - low), weights: outWeights.slice(from - low, to - low), evaluated: evaluated.slice(from - low, to - low) };
  return { selection, from, to };
}

/**
 * Rows a selection evaluates together (a chunk: about EVALUATION_CHUNK_PAIRS first-batch pairs).
 * Each evaluation also costs a little per row of the cohort (6–7 ms at 100,000 rows), so the
 * blocks of rows shared between threads (see RowBlocks) are this size: a block cut short adds
 * evaluations. Other sizes were not measured.
 */
export function selectionChunkRows(k: number): number {
  return Math.max(1, Math.floor(EVALUATION_CHUNK_PAIRS / Math.max(1, 2 * k)));
}

/** The one range the given ranges make together (an empty one at `emptyAt` when no rows are given). */
function joinedRange(ranges: readonly (readonly [number, number])[], emptyAt: number): readonly [number, number] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  if (sorted.length === 0) return [emptyAt, emptyAt];
  for (let q = 1; q < sorted.length; q++) {
    if (sorted[q]![0] !== sorted[q - 1]![1]) throw new CoachmatchError('internal', `selected rows ${sorted[q - 1]![0]}–${sorted[q - 1]![1]} and ${sorted[q]![0]}–${sorted[q]![1]} leave a gap or overlap`);
  }
  return [sorted[0]![0], sorted.at(-1)![1]];
}

const NO_COLUMNS = new Int32Array(0);
const NOTHING_ASIDE = { columns: NO_COLUMNS, bounds: new Float64Array(0), predicted: -Infinity };

/**
 * Which earlier row each row's choice can be copied from: an exact twin (see PairBounds.twinOf)
 * chosen before it in this selection. A row's choice depends on its bounds, weights, multiplier
 * and favoured columns alone, all the same for twins; except that rows of multiplier 0 each
 * take their own stretch of the columns (see RowScan.indifferent), so those are chosen apart.
 */
function twinSources(bounds: PairBounds): { sourceOf(row: number): number } {
  const { twinOf, multiplier } = bounds;
  if (twinOf === undefined) return { sourceOf: () => -1 };
  // Per twin group (indexed by its first row), the row of it chosen first here; −1 before that.
  const chosenFirst = new Int32Array(bounds.rows).fill(-1);
  return {
    sourceOf(row) {
      if (multiplier[row] === 0) return -1;
      const group = twinOf[row]!;
      if (chosenFirst[group]! >= 0) return chosenFirst[group]!;
      chosenFirst[group] = row;
      return -1;
    },
  };
}

/** Room for a row's merged columns and weights, reused row after row: per-row typed arrays cost an allocation outside the heap each. */
class MergeScratch {
  columns = new Int32Array(256);
  weights = new Float64Array(256);
  /** Makes room for n entries. */
  reserve(n: number): void {
    if (n <= this.columns.length) return;
    const size = Math.max(n, 2 * this.columns.length);
    this.columns = new Int32Array(size);
    this.weights = new Float64Array(size);
  }
}

/** The k-th largest non-NaN weight, or −Infinity when there are fewer than k (selects in `scratch`). */
function kthBest(weights: Float64Array, k: number, scratch: MergeScratch): number {
  scratch.reserve(weights.length);
  const allowed = scratch.weights;
  let n = 0;
  for (const w of weights) if (!Number.isNaN(w)) allowed[n++] = w;
  return n >= k ? kthLargest(allowed, n, k) : -Infinity;
}

/** Two column-sorted lists with their weights, merged into one column-sorted list (views of `scratch`, valid until its next use). */
function mergeByColumn(a: Int32Array, aw: Float64Array, b: Int32Array, bw: Float64Array, scratch: MergeScratch): { columns: Int32Array; weights: Float64Array } {
  scratch.reserve(a.length + b.length);
  const columns = scratch.columns.subarray(0, a.length + b.length);
  const weights = scratch.weights.subarray(0, a.length + b.length);
  let x = 0;
  let y = 0;
  for (let q = 0; q < columns.length; q++) {
    const fromA = y >= b.length || (x < a.length && a[x]! < b[y]!);
    columns[q] = fromA ? a[x]! : b[y]!;
    weights[q] = fromA ? aw[x++]! : bw[y++]!;
  }
  return { columns, weights };
}

/**
 * Exact weights of the given columns of rows r0, r0+1, …, evaluated in chunks; per row, in the
 * given order. `rowStart` (rows + 1 long) is rewritten for each chunk's pair set: nothing
 * keeps a pair set once its weights are back.
 */
function evaluateRows(bounds: PairBounds, r0: number, columns: readonly Int32Array[], exactWeights: ExactWeights, rowStart: Int32Array): Float64Array[] {
  const out: Float64Array[] = [];
  let from = 0;
  while (from < columns.length) {
    let to = from;
    let pairs = 0;
    do pairs += columns[to++]!.length;
    while (to < columns.length && pairs + columns[to]!.length <= EVALUATION_CHUNK_PAIRS);
    // No pairs before the chunk's rows, all of them after.
    rowStart.fill(0, 0, r0 + from + 1);
    for (let local = from; local < to; local++) rowStart[r0 + local + 1] = rowStart[r0 + local]! + columns[local]!.length;
    rowStart.fill(pairs, r0 + to + 1);
    const colIndex = new Int32Array(pairs);
    for (let local = from; local < to; local++) colIndex.set(columns[local]!, rowStart[r0 + local]!);
    const weights = exactWeights(sparsePairSet(bounds.rows, bounds.cols, rowStart, colIndex));
    for (let local = from; local < to; local++) {
      const start = rowStart[r0 + local]!;
      // Views of the chunk's weights: the rows are done with them before the next chunk.
      out.push(weights.subarray(start, start + columns[local]!.length));
    }
    from = to;
  }
  return out;
}
