import type { AssignmentResult } from '../solver/types.js';
import { mergeColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';

/** Pairs added per spare place, and per unplaced coachee. */
const PER_PLACE = 4;
const PER_ROW = 4;

/**
 * When the candidates place fewer coachees than the full problem could, joins the unplaced
 * coachees to the coaches with spare places: each spare coach gets its unplaced coachees of
 * highest bound, each unplaced coachee its spare coaches of highest bound. Returns the pairs added
 * (mutating `candidates`).
 */
export function widenForCardinality(
  bounds: PairBounds,
  candidates: Int32Array[],
  result: Pick<AssignmentResult, 'assignment' | 'loads'>,
  capacity: Int32Array,
): number {
  const { rows, cols } = bounds;
  const spare: number[] = [];
  for (let j = 0; j < cols; j++) if (result.loads[j]! < capacity[j]!) spare.push(j);
  const unplaced: number[] = [];
  for (let i = 0; i < rows; i++) if (result.assignment[i] === null) unplaced.push(i);
  if (spare.length === 0 || unplaced.length === 0) return 0;
  const bound = new Float64Array(cols);
  // Per spare coach, its best unplaced coachees so far (kept sorted by bound, then row).
  const best = spare.map(() => [] as { row: number; bound: number }[]);
  const additions = new Map<number, Set<number>>();
  const add = (i: number, j: number) => {
    const set = additions.get(i);
    if (set === undefined) additions.set(i, new Set([j]));
    else set.add(j);
  };
  for (const i of unplaced) {
    bounds.boundRow(i, bound);
    const mine = spare.map((j, s) => ({ s, j, bound: bound[j]! })).sort((a, b) => b.bound - a.bound || a.j - b.j).slice(0, PER_ROW);
    for (const { j } of mine) add(i, j);
    spare.forEach((j, s) => {
      const room = PER_PLACE * (capacity[j]! - result.loads[j]!);
      const list = best[s]!;
      if (list.length < room || bound[j]! > list[list.length - 1]!.bound) {
        list.push({ row: i, bound: bound[j]! });
        list.sort((a, b) => b.bound - a.bound || a.row - b.row);
        if (list.length > room) list.pop();
      }
    });
  }
  spare.forEach((j, s) => {
    for (const { row } of best[s]!) add(row, j);
  });
  let added = 0;
  for (const [i, extra] of additions) {
    const before = candidates[i]!.length;
    candidates[i] = mergeColumns(candidates[i]!, extra);
    added += candidates[i]!.length - before;
  }
  return added;
}
