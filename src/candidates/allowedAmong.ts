import { sparsePairSet } from '../features/pairSet.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
import type { MayWaive } from './reuseWeights.js';
import type { ExactWeights } from './selectCandidates.js';

/** Pairs of one row to evaluate: `columns` (ascending), or the whole row when `whole` (so a waiver is decided as on every pair), reading `columns` only. */
export interface PairAsk {
  readonly row: number;
  readonly columns: Int32Array;
  readonly whole: boolean;
}

/** What {@link allowedAmong} found. */
export interface AllowedPairs {
  /** Per row, the asked columns that no ban excludes. */
  readonly found: Map<number, number[]>;
  readonly evaluated: number;
}

/**
 * Evaluates the asked pairs in chunks of about EVALUATION_CHUNK_PAIRS, each row asked once, and
 * hands each ask its row's weights (NaN when banned): for `columns` in order, or every column
 * when `whole`; a view, valid during the call. Returns how many pairs were evaluated.
 */
export function weighAsks(rows: number, cols: number, asks: Iterable<PairAsk>, exactWeights: ExactWeights, weighed: (ask: PairAsk, weights: Float64Array) => void): number {
  let evaluated = 0;
  let chunk: PairAsk[] = [];
  let chunkPairs = 0;
  const evaluateChunk = (): void => {
    if (chunk.length === 0) return;
    const rowStart = new Int32Array(rows + 1);
    for (const { row, columns, whole } of chunk) rowStart[row + 1] = whole ? cols : columns.length;
    for (let i = 0; i < rows; i++) rowStart[i + 1]! += rowStart[i]!;
    const colIndex = new Int32Array(rowStart[rows]!);
    for (const { row, columns, whole } of chunk) {
      if (whole) for (let j = 0; j < cols; j++) colIndex[rowStart[row]! + j] = j;
      else colIndex.set(columns, rowStart[row]!);
    }
    const weights = exactWeights(sparsePairSet(rows, cols, rowStart, colIndex));
    for (const ask of chunk) weighed(ask, weights.subarray(rowStart[ask.row]!, rowStart[ask.row + 1]!));
    evaluated += colIndex.length;
    chunk = [];
    chunkPairs = 0;
  };
  for (const ask of asks) {
    if (ask.columns.length === 0) continue;
    chunk.push(ask);
    chunkPairs += ask.whole ? cols : ask.columns.length;
    if (chunkPairs >= EVALUATION_CHUNK_PAIRS) evaluateChunk();
  }
  evaluateChunk();
  return evaluated;
}

/** Which of the asked pairs are allowed (solver weight not NaN); see {@link weighAsks}. */
function allowedAmong(rows: number, cols: number, asks: Iterable<PairAsk>, exactWeights: ExactWeights): AllowedPairs {
  const found = new Map<number, number[]>();
  const evaluated = weighAsks(rows, cols, asks, exactWeights, ({ row, columns, whole }, weights) => {
    const allowed: number[] = [];
    for (let q = 0; q < columns.length; q++) if (!Number.isNaN(weights[whole ? columns[q]! : q]!)) allowed.push(columns[q]!);
    if (allowed.length > 0) found.set(row, allowed);
  });
  return { found, evaluated };
}

/**
 * Which pairs of the given rows (ascending) with the columns of `columns` (ascending) that are
 * not yet the row's candidates are allowed: what both full-problem checks ask (see
 * checkPlacement, checkMinLoads). A row that its evaluation could waive (see {@link MayWaive})
 * is evaluated whole, as the full problem decides its waiver. The pairs are counted first:
 * null, and none evaluated, when they exceed `budget`, rather than evaluate some only to give up.
 */
export function allowedBeyondCandidates(
  rows: number,
  cols: number,
  askRows: readonly number[],
  columns: readonly number[],
  candidates: readonly Int32Array[],
  mayWaive: MayWaive,
  exactWeights: ExactWeights,
  budget: number,
): AllowedPairs | null {
  let total = 0;
  for (const row of askRows) {
    const count = columns.length - countIn(candidates[row]!, columns);
    total += count > 0 && mayWaive(row, count) ? cols : count;
  }
  if (total > budget) return null;
  const asks = function* (): Generator<PairAsk> {
    for (const row of askRows) {
      const left = notIn(candidates[row]!, columns);
      yield { row, columns: left, whole: mayWaive(row, left.length) };
    }
  };
  return allowedAmong(rows, cols, asks(), exactWeights);
}

/** How many of `columns` (ascending) are in `list` (ascending). */
function countIn(list: Int32Array, columns: readonly number[]): number {
  let count = 0;
  let at = 0;
  for (const j of columns) {
    while (at < list.length && list[at]! < j) at++;
    if (list[at] === j) count++;
  }
  return count;
}

/** The columns of `columns` (ascending) that are not in `list` (ascending). */
function notIn(list: Int32Array, columns: readonly number[]): Int32Array {
  const out: number[] = [];
  let at = 0;
  for (const j of columns) {
    while (at < list.length && list[at]! < j) at++;
    if (list[at] !== j) out.push(j);
  }
  return Int32Array.from(out);
}
