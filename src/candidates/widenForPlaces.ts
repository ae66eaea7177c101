import { CoachmatchError } from '../errors.js';
import { addColumns } from './columnLists.js';
import type { CandidateHelper } from './candidateHelper.js';
import { RowBlocks } from './rowBlocks.js';
import type { NextRows } from './selectCandidates.js';
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
 * first solve would fail on them. `capacity` is the places to join rows for: each column's
 * capacity, or its minimum load (columns without one then join none). Returns the pairs added
 * (mutating `candidates`). {@link placesOffers} finds each column's rows, over shares of the
 * rows where two threads share the work.
 */
export function widenForPlaces(bounds: PairBounds, candidates: Int32Array[], capacity: Int32Array): number {
  let given = false;
  return addPlacesOffers(candidates, placesOffers(bounds, capacity, () => (given ? null : ((given = true), [0, bounds.rows]))), bounds.rows, capacity);
}

/** Rows per block that two threads take between them for {@link placesOffers}: about 20 ms of work each at 100,000 × 10,000. */
const OFFER_BLOCK_ROWS = 1024;

/** What {@link widenForPlacesShared} asks of a helper thread (see CandidateHelper). */
export type OffersHelper = Pick<CandidateHelper, 'alive' | 'requestOffers' | 'offers'>;

/**
 * {@link widenForPlaces}, its rows shared with `helper` when there is one alive: this thread
 * takes blocks of rows from the front, the helper from the back (see RowBlocks), and their
 * offers are joined, so the same pairs are added. The rows a stalled helper left are done here.
 */
export function widenForPlacesShared(bounds: PairBounds, candidates: Int32Array[], capacity: Int32Array, helper: OffersHelper | null, blockRows = OFFER_BLOCK_ROWS): number {
  if (helper === null || !helper.alive) return widenForPlaces(bounds, candidates, capacity);
  const blocks = new RowBlocks(bounds.rows, blockRows);
  helper.requestOffers(blocks, capacity);
  const fromFront = blocks.fromFront();
  // Where this thread's rows end: the helper's are the rest.
  let split = 0;
  const mine = placesOffers(bounds, capacity, () => {
    const range = fromFront();
    if (range !== null) split = range[1];
    return range;
  });
  let given = false;
  const theirs = helper.offers() ?? placesOffers(bounds, capacity, () => (given ? null : ((given = true), [split, bounds.rows])));
  return addPlacesOffers(candidates, joinPlacesOffers(mine, theirs, bounds.rows, capacity), bounds.rows, capacity);
}

/**
 * Per column with places, its best rows by bound among the rows looked at (see
 * widenForPlaces): rows counted from the column's start (see {@link placesStarts}), column
 * by column from `colStart[j]`, with their bounds. Plain typed arrays, so that a helper
 * thread can hand over what its share of the rows offered.
 */
export interface PlacesOffers {
  readonly colStart: Int32Array;
  readonly counted: Int32Array;
  readonly bound: Float64Array;
}

/**
 * The offers of the rows of the ranges `next` hands out, until it hands out none (see
 * RowBlocks): per column, the best of them by bound, ties to the row counted first. One pass
 * over the rows; a column's worst kept bound, once its heap is full, is the floor a row's bound
 * must reach, and a row reads only the columns whose fit could (see
 * PairBounds.gatherAboveFloors). The best of all rows are the best of the best of each share
 * (see {@link joinPlacesOffers}). `onRows` hears of every LEAST_EVERY rows done.
 */
export function placesOffers(bounds: PairBounds, capacity: Int32Array, next: NextRows, onRows?: () => void): PlacesOffers {
  const { rows, cols } = bounds;
  const open: number[] = [];
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) open.push(j);
  const best: (BoundedBest | null)[] = new Array<BoundedBest | null>(cols).fill(null);
  for (const j of open) best[j] = new BoundedBest(keptPerColumn(rows, capacity[j]!));
  const start = placesStarts(rows, capacity);
  // Per column, the bound an offer must reach: −∞ until its heap is full, then its worst kept
  // (an equal bound displaces it when its row comes first from the column's start). Floors
  // only rise, so their least, refreshed now and then, stays below every one of them.
  // A column with no places to join rows for is never offered one (its floor is above every bound).
  const floor = new Float64Array(cols).fill(Infinity);
  for (const j of open) floor[j] = -Infinity;
  let least = open.length === 0 ? Infinity : -Infinity;
  const bound = new Float64Array(cols);
  const found = new Int32Array(cols);
  let done = 0;
  for (let range = open.length === 0 ? null : next(); range !== null; range = next()) {
    for (let i = range[0]; i < range[1]; i++) {
      const n = bounds.gatherAboveFloors(i, bound, floor, least, found);
      for (let q = 0; q < n; q++) {
        const j = found[q]!;
        const heap = best[j]!;
        // Each heap keeps rows as counted from its column's start.
        heap.offer(bound[j]!, i >= start[j]! ? i - start[j]! : i - start[j]! + rows);
        floor[j] = heap.bar;
      }
      if (++done % LEAST_EVERY === 0) {
        least = Infinity;
        for (const j of open) least = Math.min(least, floor[j]!);
        onRows?.();
      }
    }
  }
  return packOffers(best);
}

/** The offers of two shares of the rows, joined: per column, the best of both (see {@link placesOffers}). */
export function joinPlacesOffers(a: PlacesOffers, b: PlacesOffers, rows: number, capacity: Int32Array): PlacesOffers {
  const cols = capacity.length;
  if (a.colStart.length !== cols + 1 || b.colStart.length !== cols + 1) {
    throw new CoachmatchError('internal', `offers for ${a.colStart.length - 1} and ${b.colStart.length - 1} columns, not ${cols}`);
  }
  const best = Array.from({ length: cols }, (_, j) => {
    if (capacity[j]! === 0) return null;
    const heap = new BoundedBest(keptPerColumn(rows, capacity[j]!));
    for (const { colStart, counted, bound } of [a, b]) for (let q = colStart[j]!; q < colStart[j + 1]!; q++) heap.offer(bound[q]!, counted[q]!);
    return heap;
  });
  return packOffers(best);
}

/** Joins each column to the rows of its offers (mutating `candidates`); returns the pairs added. */
export function addPlacesOffers(candidates: Int32Array[], offers: PlacesOffers, rows: number, capacity: Int32Array): number {
  const start = placesStarts(rows, capacity);
  const additions = new Map<number, number[]>();
  for (let j = 0; j < capacity.length; j++) {
    for (let q = offers.colStart[j]!; q < offers.colStart[j + 1]!; q++) {
      const i = (offers.counted[q]! + start[j]!) % rows;
      const list = additions.get(i);
      if (list === undefined) additions.set(i, [j]);
      else list.push(j);
    }
  }
  return addColumns(candidates, additions);
}

/** Rows a column with `places` places is joined to. */
function keptPerColumn(rows: number, places: number): number {
  return Math.min(rows, PER_PLACE * places);
}

/** Each column's kept rows and bounds, packed (see {@link PlacesOffers}). */
function packOffers(best: readonly (BoundedBest | null)[]): PlacesOffers {
  const colStart = new Int32Array(best.length + 1);
  best.forEach((heap, j) => (colStart[j + 1] = colStart[j]! + (heap?.rows().length ?? 0)));
  const counted = new Int32Array(colStart[best.length]!);
  const bound = new Float64Array(colStart[best.length]!);
  best.forEach((heap, j) => {
    if (heap === null) return;
    counted.set(heap.rows(), colStart[j]!);
    bound.set(heap.values(), colStart[j]!);
  });
  return { colStart, counted, bound };
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
    if (capacity[j]! > 0) at = (at + keptPerColumn(rows, capacity[j]!)) % rows;
  }
  return start;
}
