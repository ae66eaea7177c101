import { priorityWeight } from '../policies/priorityWeight.js';
import type { NearestColumns } from './nearestColumns.js';
import type { PairBounds } from './pairBounds.js';
import { topByValue } from './topByValue.js';

/** How far a pair's weight may exceed the duals that cover it (`covered`) before it counts as violating: rounding, in the weights' `unit` (see weightUnit). */
export function tolerance(covered: number, unit: number): number {
  return 1e-9 * (unit + Math.abs(covered));
}

/**
 * One row's check: the row, its multiplier and dual, its candidates (`inside`), the column
 * duals, and where suspects (`out`), slack (`slack[0]`; `slack[1]` counts suspects left
 * out, `slack[2]` the most one of them reaches over its column's dual), pair bounds (`own`,
 * scratch) and the nearest columns go.
 */
export interface RowCheck {
  readonly row: number;
  readonly m: number;
  readonly rowDual: number;
  readonly inside: Int32Array;
  readonly colDual: Float64Array;
  readonly pairBounds: PairBounds;
  readonly out: Int32Array;
  readonly slack: Float64Array;
  readonly own: Float64Array;
  /** Scratch for pair bounds, beside `own`. */
  readonly pair: Float64Array;
  /** Scratch marks, one per column position, all 0 between uses. */
  readonly mark: Uint8Array;
  readonly nearest: NearestColumns;
}

/**
 * Writes into `check.out` the columns of one row, outside `inside` and with places, whose bound
 * `m · bound` (the row's, then the pair's tighter one for at most `keep` of them, the rest
 * counted in `slack[1]`) exceeds the row's plus the column's dual (with a relative tolerance);
 * returns how many. Every other column outside `inside` is cleared by its bound. A plain
 * loop over typed arrays: it runs rows × cols times per certificate.
 */
export function boundSuspects(check: RowCheck, bounds: Float64Array, keep: number): number {
  const { m, rowDual, inside, colDual, pairBounds, out, slack, own, mark, nearest } = check;
  const cols = bounds.length;
  const { open, unit } = pairBounds;
  let flagged = 0;
  let least = Infinity;
  let next = 0;
  let skip = inside.length > 0 ? inside[0]! : cols;
  for (let j = 0; j < cols; j++) {
    if (j === skip) {
      next++;
      skip = next < inside.length ? inside[next]! : cols;
      continue;
    }
    if (open[j] === 0) continue; // no places: the pair can never be chosen
    const covered = rowDual + colDual[j]!;
    const bound = priorityWeight(m, bounds[j]!);
    if (bound > covered + tolerance(covered, unit)) out[flagged++] = j;
    else if (covered - bound < nearest.limit) nearest.offer(j, covered - bound);
    else if (covered - bound < least) least = covered - bound;
  }
  slack[1] = 0;
  slack[2] = -Infinity;
  if (flagged > keep) {
    // More than a capped certificate will evaluate: refine only those the row's bound
    // finds most violating, and report the rest as left out.
    for (let q = 0; q < flagged; q++) own[q] = priorityWeight(m, bounds[out[q]!]!) - colDual[out[q]!]!;
    const picked = topByValue(own.subarray(0, flagged), keep);
    // The most a suspect left out can reach over its column's dual (the row's is subtracted by the caller).
    slack[2] = largestUnpicked(own, flagged, picked, mark);
    const chosen = Int32Array.from(picked, (q) => out[q]!).sort();
    out.set(chosen);
    slack[1] = flagged - keep;
    flagged = keep;
  }
  const count = refineSuspects(check, flagged);
  slack[0] = least;
  return count;
}

/**
 * As {@link boundSuspects}, over the given ascending columns only: with their row bounds (a
 * few lookups each), then the pair's tighter bound for those that fail.
 */
export function listSuspects(check: RowCheck, columns: Int32Array): number {
  const { row, m, rowDual, inside, colDual, pairBounds: bounds, out, slack, own, nearest } = check;
  let flagged = 0;
  let next = 0;
  bounds.rowBoundsOf(row, columns, columns.length, own);
  for (let q = 0; q < columns.length; q++) {
    const j = columns[q]!;
    while (next < inside.length && inside[next]! < j) next++;
    if ((next < inside.length && inside[next] === j) || bounds.open[j] === 0) continue;
    const covered = rowDual + colDual[j]!;
    const bound = priorityWeight(m, own[q]!);
    if (bound > covered + tolerance(covered, bounds.unit)) out[flagged++] = j;
    else nearest.offer(j, covered - bound);
  }
  const count = refineSuspects(check, flagged);
  slack[0] = Infinity;
  return count;
}

/**
 * The first `flagged` columns of `check.out` failed the row's bound: their pair bounds, all at
 * once (one at a time costs 4× more), decide. Those that fail again stay in `out`, first;
 * the others go to the nearest columns. Returns how many stay.
 */
export function refineSuspects(check: RowCheck, flagged: number): number {
  const { row, m, rowDual, colDual, pairBounds: bounds, out, pair, nearest } = check;
  bounds.boundsOf(row, out, flagged, pair);
  let count = 0;
  for (let q = 0; q < flagged; q++) {
    const j = out[q]!;
    const covered = rowDual + colDual[j]!;
    const bound = priorityWeight(m, pair[q]!);
    if (bound > covered + tolerance(covered, bounds.unit)) out[count++] = j;
    else nearest.offer(j, covered - bound);
  }
  return count;
}

/** The largest of `values[0..count)` at positions not in `picked` (−∞ when none); `mark` is left all 0. */
export function largestUnpicked(values: Float64Array, count: number, picked: Int32Array, mark: Uint8Array): number {
  for (const q of picked) mark[q] = 1;
  let most = -Infinity;
  for (let q = 0; q < count; q++) if (mark[q] === 0 && values[q]! > most) most = values[q]!;
  for (const q of picked) mark[q] = 0;
  return most;
}
