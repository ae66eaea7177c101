import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import { openBans } from './openBans.js';
import type { ExactWeights } from './selectCandidates.js';
import { freshPairs, type PairRoom } from '../memory/roundBuffers.js';

/** A pair set and the exact solver weights of its pairs. */
export interface WeighedPairs {
  readonly pairs: PairSet;
  readonly weights: Float64Array;
}

/**
 * Whether row i, evaluated with `length` pairs, could be waived (see `combinePolicies`): only
 * then may a pair's weight depend on which other pairs of its row are evaluated with it.
 */
export type MayWaive = (row: number, length: number) => boolean;

/**
 * {@link MayWaive} from the bans an evaluation makes whatever pairs it is given (relations,
 * avoided coaches: the bans of the evaluation of no pairs). A row is waived only when every
 * coach with places is banned, and an evaluation of `length` of its pairs bans at most those
 * and its fixed ones.
 */
export function waiverRisk(fixedBans: ReadonlyMap<number, unknown>, rows: number, cols: number, capacity: Int32Array): MayWaive {
  const { open, bannedOpen: fixed } = openBans(fixedBans, rows, cols, capacity, () => true);
  return (row, length) => length + fixed[row]! >= open;
}

/**
 * The first round's {@link WeighedPairs}, from the selection's own evaluations: each row with
 * the weights its chosen columns were given there, when no waiver can have touched them (no
 * evaluation of as many pairs as the row had evaluated could be waived); any other row
 * without pairs, so that the first round evaluates it whole.
 */
export function weighedBySelection(
  candidates: readonly Int32Array[],
  weights: readonly Float64Array[],
  evaluated: Int32Array,
  cols: number,
  mayWaive: MayWaive,
  room: PairRoom = freshPairs,
): WeighedPairs {
  const rows = candidates.length;
  const rowStart = new Int32Array(rows + 1);
  const kept = Uint8Array.from({ length: rows }, (_, i) => (mayWaive(i, evaluated[i]!) ? 0 : 1));
  for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (kept[i] === 1 ? candidates[i]!.length : 0);
  // Every entry is written below (a row left out has none).
  const colIndex = room.columns(rowStart[rows]!);
  const flat = room.weights(rowStart[rows]!);
  for (let i = 0; i < rows; i++) {
    if (kept[i] === 0) continue;
    colIndex.set(candidates[i]!, rowStart[i]!);
    flat.set(weights[i]!, rowStart[i]!);
  }
  return { pairs: sparsePairSet(rows, cols, rowStart, colIndex), weights: flat };
}

/**
 * Exact weights of `pairs`, copied from `before` wherever that is safe: a row whose pair list
 * is the same as there is copied whole; a row that only gained pairs, and cannot be waived,
 * has just its new pairs evaluated; any other row is evaluated whole. A row's evaluation
 * depends on no other row, and on its own other pairs only through a waiver (a coachee whose
 * every coach is banned), hence `mayWaive` (by default every row may). When every row is as it
 * was, `before`'s own weights are returned, not a copy: weights are never written once made.
 * A copy is made in `room(pairs.size)` (whose contents it overwrites), by default a new array.
 * `sameAs[i]`, when given and at least 0, is an earlier row with row i's pairs at the same
 * weights (exact twins on one list): a row that changed then copies that row's weights,
 * unless either could be waived (alike coachees join by the thousand a round, see
 * shareAmongAlike).
 */
export function reuseWeights(
  pairs: PairSet,
  before: WeighedPairs | null,
  exactWeights: ExactWeights,
  mayWaive: MayWaive = () => true,
  room: PairRoom['weights'] = freshPairs.weights,
  sameAs: Int32Array | null = null,
): Float64Array {
  if (before === null) return exactWeights(pairs);
  if (pairs === before.pairs) return before.weights;
  const { rows, cols, rowStart, colIndex } = pairs;
  const old = before.pairs;
  // Where each pair of a row that gained pairs stood in `before` (−1: new).
  const oldAt = new Int32Array(pairs.size);
  // Per row: 0 copied whole, 1 only its new pairs evaluated, 2 evaluated whole, 3 copied from its twin (sameAs).
  const plan = new Uint8Array(rows);
  const freshStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    const from = rowStart[i]!;
    const length = rowStart[i + 1]! - from;
    const oldFrom = old.rowStart[i]!;
    const oldLength = old.rowStart[i + 1]! - oldFrom;
    // Most rows are as they were: one comparison of the two lists, then a block copy below.
    let same = length === oldLength;
    for (let q = 0; q < length && same; q++) same = colIndex[from + q] === old.colIndex[oldFrom + q];
    if (same) {
      freshStart[i + 1] = freshStart[i]!;
      continue;
    }
    const twin = sameAs === null ? -1 : sameAs[i]!;
    if (twin >= 0 && twin < i && rowStart[twin + 1]! - rowStart[twin]! === length && !mayWaive(i, length) && !mayWaive(twin, length)) {
      plan[i] = 3;
      freshStart[i + 1] = freshStart[i]!;
      continue;
    }
    let kept = 0;
    for (let p = from, o = oldFrom; p < from + length; p++) {
      while (o < oldFrom + oldLength && old.colIndex[o]! < colIndex[p]!) o++;
      const stood = o < oldFrom + oldLength && old.colIndex[o] === colIndex[p];
      oldAt[p] = stood ? o : -1;
      if (stood) kept++;
    }
    plan[i] = kept === oldLength && !mayWaive(i, length) ? 1 : 2;
    freshStart[i + 1] = freshStart[i]! + (plan[i] === 1 ? length - oldLength : length);
  }
  // Every row as it was (the first round, on the selection's own pairs): the weights are those.
  if (pairs.size === old.size && plan.every((step) => step === 0)) return before.weights;
  const freshCols = new Int32Array(freshStart[rows]!);
  for (let i = 0, at = 0; i < rows; i++) {
    if (plan[i] === 0) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) if (plan[i] === 2 || oldAt[p]! < 0) freshCols[at++] = colIndex[p]!;
  }
  const fresh = freshCols.length > 0 ? exactWeights(sparsePairSet(rows, cols, freshStart, freshCols)) : new Float64Array(0);
  // Every entry is written below: rows as they were, rows evaluated whole, and each pair of the others.
  const weights = room(pairs.size);
  for (let i = 0; i < rows; i++) {
    const from = rowStart[i]!;
    const to = rowStart[i + 1]!;
    if (plan[i] === 0) {
      // A run of rows as they were sits in one block of each: one copy, not one a row (a
      // subarray and a copy a row took twice as long at 100,000 rows, all but a few unchanged).
      let last = i;
      while (last + 1 < rows && plan[last + 1] === 0) last++;
      weights.set(before.weights.subarray(old.rowStart[i]!, old.rowStart[last + 1]!), from);
      i = last;
    } else if (plan[i] === 3) weights.copyWithin(from, rowStart[sameAs![i]!]!, rowStart[sameAs![i]! + 1]!);
    else if (plan[i] === 2) weights.set(fresh.subarray(freshStart[i]!, freshStart[i + 1]!), from);
    else for (let p = from, f = freshStart[i]!; p < to; p++) weights[p] = oldAt[p]! >= 0 ? before.weights[oldAt[p]!]! : fresh[f++]!;
  }
  return weights;
}

/**
 * Per row, the first row before it of the same exact twins (see PairBounds.twinOf) holding the
 * very same list object (alike coachees share one, see shareAmongAlike), or −1: its pairs
 * weigh the same (see {@link reuseWeights}' `sameAs`).
 */
export function twinsOnOneList(candidates: readonly Int32Array[], twinOf: Int32Array): Int32Array {
  const firstWith = new Map<Int32Array, number>();
  return Int32Array.from(candidates, (list, i) => {
    const first = firstWith.get(list);
    if (first === undefined) firstWith.set(list, i);
    return first !== undefined && twinOf[first] === twinOf[i] ? first : -1;
  });
}
