import { normalizeProblem } from '../solver/normalizeProblem.js';
import type { AssignmentProblem } from '../solver/types.js';
import type { StableProblem } from './stableProblem.js';

/**
 * Ranked lists from scores: each row ranks its allowed columns, and each column its allowed
 * rows, by the pair's weight (highest first for `sense: 'max'`, lowest first for `min`);
 * forbidden pairs are unacceptable to both. Capacities carry over; minimum loads and
 * `allowUnmatched` do not (deferred acceptance leaves unmatched whoever it must).
 *
 * @remarks Tie rule: equal weights are ranked by index, lower first — the engine orders
 * coachees and coaches by id, so ties go to the smaller id (`compareIds` order).
 *
 * @throws CoachmatchError of kind `invalidProblem` for a malformed problem.
 *
 * @example
 * ```ts
 * preferencesFromScores({ weights: [[3, 5], [4, null]] });
 * // rowPrefs [[1, 0], [0]], colPrefs [[1, 0], [0]]
 * ```
 */
export function preferencesFromScores(problem: AssignmentProblem): StableProblem {
  const p = normalizeProblem(problem);
  const { rows, cols, rowStart, colIndex, cost } = p;
  // cost is "lower is better" in either sense, so one comparison serves both.
  const rowPrefs: number[][] = [];
  const colLists: { row: number; cost: number }[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) {
    const own: { col: number; cost: number }[] = [];
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      own.push({ col: colIndex[k]!, cost: cost[k]! });
      colLists[colIndex[k]!]!.push({ row: i, cost: cost[k]! });
    }
    own.sort((a, b) => a.cost - b.cost || a.col - b.col);
    rowPrefs.push(own.map((o) => o.col));
  }
  const colPrefs = colLists.map((list) => list.sort((a, b) => a.cost - b.cost || a.row - b.row).map((o) => o.row));
  return { rows, cols, rowPrefs, colPrefs, capacity: Array.from(p.capacity) };
}
