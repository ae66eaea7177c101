import { findPair } from './buildResult.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { InternalStart } from './warmStart.js';
import type { SolveWorkspace } from './solveWorkspace.js';

/**
 * The problem with one more column (index `cols`): a pair of weight 0 with every row that has
 * a pair, and a place for each of those rows beyond the `placeable`. A row there is a row left
 * unmatched. Rows without a pair get none: they stay out of the flow (see flowSolver's runFlow), not
 * on this column, whose members every search that reaches it rescans. Its pairs go in the
 * workspace's buffers for them, when one is given.
 */
export function withUnmatchedColumn(problem: NormalizedProblem, placeable: number, workspace?: SolveWorkspace): NormalizedProblem {
  const { rows, cols, rowStart, colIndex, cost, weight } = problem;
  let open = 0;
  for (let i = 0; i < rows; i++) if (rowStart[i + 1]! > rowStart[i]!) open++;
  const pairs = colIndex.length + open;
  const start = new Int32Array(rows + 1);
  const index = workspace?.extendedColumns.take(pairs) ?? new Int32Array(pairs);
  const costs = workspace?.extendedCosts.take(pairs) ?? new Float64Array(pairs);
  const weights = workspace?.extendedWeights.take(pairs) ?? new Float64Array(pairs);
  for (let i = 0, at = 0; i < rows; i++) {
    const from = rowStart[i]!;
    const to = rowStart[i + 1]!;
    // Short rows element by element: three subarray views per row made this copy cost more
    // than the solve of explain's short lists (9 pairs a row); long rows as blocks.
    if (to - from > 64) {
      index.set(colIndex.subarray(from, to), at);
      costs.set(cost.subarray(from, to), at);
      weights.set(weight.subarray(from, to), at);
      at += to - from;
    } else {
      for (let k = from; k < to; k++, at++) {
        index[at] = colIndex[k]!;
        costs[at] = cost[k]!;
        weights[at] = weight[k]!;
      }
    }
    // The highest column: the row's columns still ascend. Its cost and weight are 0 (written:
    // a workspace's buffers hold an earlier solve's).
    if (to > from) {
      index[at] = cols;
      costs[at] = 0;
      weights[at++] = 0;
    }
    start[i + 1] = at;
  }
  const capacity = new Int32Array(cols + 1);
  capacity.set(problem.capacity);
  capacity[cols] = open - placeable;
  const minLoad = new Int32Array(cols + 1);
  minLoad.set(problem.minLoad);
  return { rows, cols: cols + 1, sense: problem.sense, rowStart: start, colIndex: index, weight: weights, cost: costs, denseCost: null, capacity, minLoad, allowUnmatched: false, largestCost: problem.largestCost };
}

/**
 * An upper bound on the rows that can be placed at once: each column takes at most its
 * capacity and at most the rows that have a pair with it, and each row with a pair at most once.
 */
export function placeableAtMost(problem: Pick<NormalizedProblem, 'rows' | 'cols' | 'rowStart' | 'colIndex' | 'capacity'>): number {
  const { rows, cols, rowStart, colIndex, capacity } = problem;
  const listed = new Int32Array(cols);
  let open = 0;
  for (let i = 0; i < rows; i++) {
    if (rowStart[i + 1]! > rowStart[i]!) open++;
    // A row's columns are distinct (they ascend), so this counts rows.
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) listed[colIndex[k]!]!++;
  }
  let places = 0;
  for (let j = 0; j < cols; j++) places += Math.min(capacity[j]!, listed[j]!);
  return Math.min(open, places);
}

/**
 * A start for the problem extended by an "unmatched" column (its last column, every pair of
 * weight 0; see {@link withUnmatchedColumn}) from a start of the problem itself: rows
 * placed nowhere start on that column, which gets the highest potential at which each row
 * the start places still holds its own pair at least as dearly as being left unmatched.
 * Rows the start leaves out and that have since gained a better pair then start unplaced,
 * to be searched, and nothing else moves. Without it each round of a cohort with fewer
 * places than coachees re-solved from scratch (see matchOnCandidates).
 */
export function unmatchedStart(extended: NormalizedProblem, start: InternalStart): InternalStart {
  const { rows, cols, rowStart, colIndex, cost } = extended;
  const unmatched = cols - 1;
  const colPot = new Float64Array(cols);
  colPot.set(start.colPot.subarray(0, unmatched));
  const rowCol = new Int32Array(rows).fill(-1);
  // The column's potential p: a row on it pays 0 − p, which a held row's own pair must not
  // beat (p ≤ −onPair), and which must not beat an unplaced row's best pair (p ≥ −best).
  let highest = Infinity;
  let lowest = -Infinity;
  for (let i = 0; i < rows; i++) {
    if (rowStart[i + 1] === rowStart[i]) continue;
    const j = start.rowCol[i]!;
    const at = j >= 0 && j < unmatched ? findPair(extended, i, j) : -1;
    if (at >= 0) {
      rowCol[i] = j;
      highest = Math.min(highest, colPot[j]! - cost[at]!);
      continue;
    }
    rowCol[i] = unmatched;
    let best = Infinity;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) if (colIndex[k] !== unmatched) best = Math.min(best, cost[k]! - colPot[colIndex[k]!]!);
    if (best < Infinity) lowest = Math.max(lowest, -best);
  }
  colPot[unmatched] = highest < Infinity ? highest : lowest > -Infinity ? lowest : 0;
  return { rowCol, colPot };
}
