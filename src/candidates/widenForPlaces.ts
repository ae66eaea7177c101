import { addColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';
import { BoundedBest } from './boundedBest.js';

/** Rows a column is joined to per place. */
const PER_PLACE = 4;

/** Rows between refreshes of the least floor. */
const LEAST_EVERY = 64;

/**
 * Joins every column with places to its PER_PLACE × capacity rows of highest row bound: the
 * coaches' side of the candidates, for programmes solved by places. Ties go to the row that
 * comes first counting from the column's own start, where the columns before it would end
 * were each to take its rows in turn (see {@link placesStarts}): rows alike by bound (coachees
 * the cohort records little about) are spread over the columns, not all joined to the earliest
 * of them. At 20,000 × 3,000 with coachees of 15 kinds and 14,951 places, ties to the earlier
 * row took 10 rounds and 28.4 s; spread, 8 rounds and 11.7 s (same optimum; bench/LARGE.md, large-20k-fewkinds).
 * There every place must be filled, and coachees' top k leave some coaches with fewer
 * coachees than places (at 40,000 × 4,000 with 3–7 places, 126 coaches, 7 with none): a
 * first solve would fail on them. One pass over the rows; a column's worst kept bound, once
 * its heap is full, is the floor a row's bound must reach, and a row reads only the columns
 * whose fit could (see PairBounds.gatherAboveFloors). `capacity` is the places to join rows
 * for: each column's capacity, or its minimum load (columns without one then join none).
 * Returns the pairs added (mutating `candidates`).
 */
export function widenForPlaces(bounds: PairBounds, candidates: Int32Array[], capacity: Int32Array): number {
  const { rows, cols } = bounds;
  const open: number[] = [];
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) open.push(j);
  if (open.length === 0 || rows === 0) return 0;
  const best: (BoundedBest | null)[] = new Array<BoundedBest | null>(cols).fill(null);
  for (const j of open) best[j] = new BoundedBest(Math.min(rows, PER_PLACE * capacity[j]!));
  const start = placesStarts(rows, capacity);
  // Per column, the bound an offer must reach: −∞ until its heap is full, then its worst kept
  // (an equal bound displaces it when its row comes first from the column's start). Floors
  // only rise, so their least, refreshed now and then, stays below every one of them.
  // A column with no places to join rows for is never offered one (its floor is above every bound).
  const floor = new Float64Array(cols).fill(Infinity);
  for (const j of open) floor[j] = -Infinity;
  let least = -Infinity;
  const bound = new Float64Array(cols);
  const found = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const n = bounds.gatherAboveFloors(i, bound, floor, least, found);
    for (let q = 0; q < n; q++) {
      const j = found[q]!;
      const heap = best[j]!;
      // Each heap keeps rows as counted from its column's start.
      heap.offer(bound[j]!, i >= start[j]! ? i - start[j]! : i - start[j]! + rows);
      floor[j] = heap.bar;
    }
    if (i % LEAST_EVERY === LEAST_EVERY - 1) {
      least = Infinity;
      for (const j of open) least = Math.min(least, floor[j]!);
    }
  }
  const additions = new Map<number, number[]>();
  open.forEach((j) => {
    for (const counted of best[j]!.rows()) {
      const i = (counted + start[j]!) % rows;
      const list = additions.get(i);
      if (list === undefined) additions.set(i, [j]);
      else list.push(j);
    }
  });
  return addColumns(candidates, additions);
}

/**
 * Per column, the row its count of rows starts from: where the columns with places before it
 * end, each taking PER_PLACE × capacity rows in turn, wrapping. With every row alike, each
 * column is joined to rows of its own until every row has one.
 */
export function placesStarts(rows: number, capacity: Int32Array): Int32Array {
  const start = new Int32Array(capacity.length);
  let at = 0;
  for (let j = 0; j < capacity.length; j++) {
    start[j] = at;
    if (capacity[j]! > 0) at = (at + Math.min(rows, PER_PLACE * capacity[j]!)) % rows;
  }
  return start;
}
