import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { EvaluatedPairs } from './evaluatePairs.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
import type { RecordKinds } from './recordKinds.js';

/**
 * Per coachee that is not plain (see RecordKinds), the coaches at which it may weigh other
 * than its kind: those of its bans and flags (relations, avoided coaches), its preferred and
 * current coaches; with its exact solver weight at each (NaN when banned). Everywhere else
 * the built-in policies weigh it as its kind (a property test holds them to that). In
 * compressed rows over every coachee, columns ascending; plain coachees have none.
 */
export interface KindExceptions {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
}

/** The exceptions of the coachees that are not plain, from the evaluation of no pairs (`base`, whose bans and flags cover every pair). */
export function kindExceptions(cohort: Cohort, kinds: RecordKinds, base: EvaluatedPairs, weigh: (pairs: PairSet) => Float64Array): KindExceptions {
  const rows = kinds.kindOf.length;
  const { coachIds } = base.features;
  const cols = coachIds.length;
  const colOf = new Map(coachIds.map((id, j) => [id, j]));
  const columnsOf = new Map<number, Set<number>>();
  const mark = (i: number, j: number | undefined) => {
    if (j === undefined || kinds.plain[i] === 1) return;
    let set = columnsOf.get(i);
    if (set === undefined) columnsOf.set(i, (set = new Set()));
    set.add(j);
  };
  for (const key of base.combined.bans.keys()) mark(Math.floor(key / cols), key % cols);
  for (const key of base.combined.flags.keys()) mark(Math.floor(key / cols), key % cols);
  cohort.coachees.forEach((coachee, i) => {
    for (const id of coachee.preferences) mark(i, colOf.get(id));
    if (coachee.currentCoach !== undefined) mark(i, colOf.get(coachee.currentCoach));
  });
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (columnsOf.get(i)?.size ?? 0);
  const colIndex = new Int32Array(rowStart[rows]!);
  for (const [i, set] of columnsOf) colIndex.set(Int32Array.from(set).sort(), rowStart[i]!);
  return { rowStart, colIndex, weight: weighInChunks(rows, cols, rowStart, colIndex, weigh) };
}

/** Whether coach j is one of coachee i's exceptions (binary search of its columns). */
export function hasException({ rowStart, colIndex }: KindExceptions, i: number, j: number): boolean {
  let low = rowStart[i]!;
  let high = rowStart[i + 1]!;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (colIndex[mid]! < j) low = mid + 1;
    else high = mid;
  }
  return low < rowStart[i + 1]! && colIndex[low] === j;
}

/** The weights of the pairs in compressed rows, evaluated a chunk of whole rows at a time. */
function weighInChunks(rows: number, cols: number, rowStart: Int32Array, colIndex: Int32Array, weigh: (pairs: PairSet) => Float64Array): Float64Array {
  const out = new Float64Array(colIndex.length);
  for (let from = 0; from < rows; ) {
    let to = from + 1;
    while (to < rows && rowStart[to + 1]! - rowStart[from]! <= EVALUATION_CHUNK_PAIRS) to++;
    const start = rowStart[from]!;
    if (rowStart[to]! > start) {
      // No pairs before the chunk's rows, all of them after.
      const chunkStart = new Int32Array(rows + 1);
      for (let i = from + 1; i <= rows; i++) chunkStart[i] = Math.min(rowStart[i]!, rowStart[to]!) - start;
      out.set(weigh(sparsePairSet(rows, cols, chunkStart, colIndex.subarray(start, rowStart[to]!))), start);
    }
    from = to;
  }
  return out;
}
