import { mergeColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';
import { BoundedBest } from './boundedBest.js';

/** Rows a column is joined to per place. */
const PER_PLACE = 4;

/**
 * Joins every column with places to its PER_PLACE × capacity rows of highest row bound (ties
 * to the earlier row): the coaches' side of the candidates, for programmes solved by places.
 * There every place must be filled, and coachees' top k leave some coaches with fewer
 * coachees than places (at 40,000 × 4,000 with 3–7 places, 126 coaches, 7 with none): a
 * first solve would fail on them. One pass over the rows; a column's current worst kept
 * bound turns most offers away before they reach its heap. Returns the pairs added
 * (mutating `candidates`).
 */
export function widenForPlaces(bounds: PairBounds, candidates: Int32Array[], capacity: Int32Array): number {
  const { rows, cols } = bounds;
  const open: number[] = [];
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) open.push(j);
  if (open.length === 0 || rows === 0) return 0;
  const best = open.map((j) => new BoundedBest(Math.min(rows, PER_PLACE * capacity[j]!)));
  // Per open column, the bound an offer must beat: −∞ until its heap is full, then its worst kept.
  const floor = new Float64Array(open.length).fill(-Infinity);
  const bound = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    bounds.boundRow(i, bound);
    for (let t = 0; t < open.length; t++) {
      const v = bound[open[t]!]!;
      // Equal bounds never displace an earlier row: rows come in ascending order.
      if (!(v > floor[t]!)) continue;
      const heap = best[t]!;
      heap.offer(v, i);
      if (heap.full) floor[t] = heap.worst;
    }
  }
  const additions = new Map<number, number[]>();
  open.forEach((j, t) => {
    for (const i of best[t]!.rows()) {
      const list = additions.get(i);
      if (list === undefined) additions.set(i, [j]);
      else list.push(j);
    }
  });
  let added = 0;
  for (const [i, extra] of additions) {
    const before = candidates[i]!.length;
    candidates[i] = mergeColumns(candidates[i]!, extra);
    added += candidates[i]!.length - before;
  }
  return added;
}
