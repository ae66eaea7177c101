import { sparsePairSet } from '../features/pairSet.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
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
 * Which of the asked pairs are allowed (solver weight not NaN), evaluated in chunks of about
 * EVALUATION_CHUNK_PAIRS; each row asked once.
 */
export function allowedAmong(rows: number, cols: number, asks: Iterable<PairAsk>, exactWeights: ExactWeights): AllowedPairs {
  const found = new Map<number, number[]>();
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
    for (const { row, columns, whole } of chunk) {
      const allowed: number[] = [];
      for (let q = 0; q < columns.length; q++) if (!Number.isNaN(weights[rowStart[row]! + (whole ? columns[q]! : q)]!)) allowed.push(columns[q]!);
      if (allowed.length > 0) found.set(row, allowed);
    }
    evaluated += colIndex.length;
    chunk = [];
    chunkPairs = 0;
  };
  for (const ask of asks) {
    const size = ask.whole ? cols : ask.columns.length;
    if (ask.columns.length === 0) continue;
    chunk.push(ask);
    chunkPairs += size;
    if (chunkPairs >= EVALUATION_CHUNK_PAIRS) evaluateChunk();
  }
  evaluateChunk();
  return { found, evaluated };
}
