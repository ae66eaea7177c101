import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { ExactWeights } from './selectCandidates.js';

/** A pair set and the exact solver weights of its pairs. */
export interface WeighedPairs {
  readonly pairs: PairSet;
  readonly weights: Float64Array;
}

/**
 * Exact weights of `pairs`, copied from `before` for every row whose pair list is the same
 * as there and evaluated for the other rows only. A row is reused whole or not at all: its
 * evaluation may depend on which of its pairs are present (a coachee whose every listed
 * coach is banned may be waived), never on other rows.
 */
export function reuseWeights(pairs: PairSet, before: WeighedPairs | null, exactWeights: ExactWeights): Float64Array {
  if (before === null) return exactWeights(pairs);
  const { rows, cols, rowStart, colIndex } = pairs;
  const old = before.pairs;
  const same = new Uint8Array(rows);
  const freshStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    const length = rowStart[i + 1]! - rowStart[i]!;
    let equal = length === old.rowStart[i + 1]! - old.rowStart[i]!;
    for (let q = 0; equal && q < length; q++) equal = colIndex[rowStart[i]! + q] === old.colIndex[old.rowStart[i]! + q];
    same[i] = equal ? 1 : 0;
    freshStart[i + 1] = freshStart[i]! + (equal ? 0 : length);
  }
  const freshCols = new Int32Array(freshStart[rows]!);
  for (let i = 0; i < rows; i++) if (!same[i]) freshCols.set(colIndex.subarray(rowStart[i]!, rowStart[i + 1]!), freshStart[i]!);
  const fresh = freshCols.length > 0 ? exactWeights(sparsePairSet(rows, cols, freshStart, freshCols)) : new Float64Array(0);
  const weights = new Float64Array(pairs.size);
  for (let i = 0; i < rows; i++) {
    const from = same[i] ? before.weights.subarray(old.rowStart[i]!, old.rowStart[i + 1]!) : fresh.subarray(freshStart[i]!, freshStart[i + 1]!);
    weights.set(from, rowStart[i]!);
  }
  return weights;
}
