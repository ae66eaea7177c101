import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';

/** The coachees grouped into kinds of exact twins (see exactTwins): per coachee its kind; per kind its first coachee and its size. */
export interface CoacheeKinds {
  readonly kindOf: Int32Array;
  readonly first: Int32Array;
  readonly size: Int32Array;
}

/** The kinds of exactTwins' answer, numbered in the order of their first coachees; null when there are no twins. */
export function coacheeKinds(twinOf: Int32Array | null | undefined): CoacheeKinds | null {
  if (twinOf === null || twinOf === undefined) return null;
  const kindAt = new Int32Array(twinOf.length).fill(-1);
  const kindOf = new Int32Array(twinOf.length);
  const first: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < twinOf.length; i++) {
    const lead = twinOf[i]!;
    if (kindAt[lead] === -1) {
      kindAt[lead] = first.length;
      first.push(lead);
      size.push(0);
    }
    kindOf[i] = kindAt[lead]!;
    size[kindAt[lead]!]!++;
  }
  return { kindOf, first: Int32Array.from(first), size: Int32Array.from(size) };
}

/**
 * Row-major (the given kinds) × coaches: each kind's first coachee's solver weight at every
 * coach (NaN when banned), evaluated a few kinds at a time; the rows distinct, in any order. Every coach is in the row, so a
 * waiver is decided as on the full problem.
 */
export function kindWeights(firstRows: readonly number[], rows: number, cols: number, weigh: (pairs: PairSet) => Float64Array): Float64Array {
  const out = new Float64Array(firstRows.length * cols);
  const perCall = Math.max(1, Math.floor(EVALUATION_CHUNK_PAIRS / Math.max(1, cols)));
  const every = Int32Array.from({ length: cols }, (_, j) => j);
  for (let from = 0; from < firstRows.length; from += perCall) {
    const to = Math.min(firstRows.length, from + perCall);
    const rowStart = new Int32Array(rows + 1);
    const colIndex = new Int32Array((to - from) * cols);
    for (let g = from; g < to; g++) {
      colIndex.set(every, (g - from) * cols);
      rowStart[firstRows[g]! + 1] = cols;
    }
    for (let i = 0; i < rows; i++) rowStart[i + 1]! += rowStart[i]!;
    // The pair set takes the rows in row order, whatever order the kinds give them in.
    const weights = weigh(sparsePairSet(rows, cols, rowStart, colIndex));
    for (let g = from; g < to; g++) out.set(weights.subarray(rowStart[firstRows[g]!]!, rowStart[firstRows[g]!]! + cols), g * cols);
  }
  return out;
}
