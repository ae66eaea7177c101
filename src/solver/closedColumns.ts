import type { NormalizedProblem } from './normalizedProblem.js';
import type { AssignmentResult } from './types.js';

/**
 * The problem without its pairs to columns of capacity 0 (the same object when it has none).
 *
 * @remarks
 * Such a pair is in no solution, but left in it reaches every algorithm's arithmetic: row
 * reductions, auction prices and potentials started near a weight of 10^16 there, where
 * differences of 1 among the usable pairs round away (flow called 1 optimal where 2 was).
 * Costs O(columns) when no column is closed; else one pass over the pairs, and a copy of
 * them when a closed column has any. The largest |cost| is that of the pairs kept.
 */
export function withoutClosedPairs(problem: NormalizedProblem): NormalizedProblem {
  const { rows, cols, capacity } = problem;
  const closed = new Uint8Array(cols);
  let anyClosed = false;
  for (let j = 0; j < cols; j++) {
    if (capacity[j] !== 0) continue;
    closed[j] = 1;
    anyClosed = true;
  }
  if (!anyClosed) return problem;
  const { rowStart, colIndex, cost, weight } = problem;
  let kept = 0;
  for (let k = 0; k < colIndex.length; k++) if (closed[colIndex[k]!] === 0) kept++;
  if (kept === colIndex.length) return problem;
  const start = new Int32Array(rows + 1);
  const keptCols = new Int32Array(kept);
  const keptCosts = new Float64Array(kept);
  const keptWeights = new Float64Array(kept);
  let largestCost = 0;
  for (let i = 0, at = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      if (closed[colIndex[k]!] === 1) continue;
      keptCols[at] = colIndex[k]!;
      keptCosts[at] = cost[k]!;
      keptWeights[at++] = weight[k]!;
      largestCost = Math.max(largestCost, Math.abs(cost[k]!));
    }
    start[i + 1] = at;
  }
  // Sparse from here: a dense view would have to hide the closed pairs too, and no problem with a closed column is dense-solvable (see isSquareOneToOne).
  return { ...problem, rowStart: start, colIndex: keptCols, cost: keptCosts, weight: keptWeights, denseCost: null, largestCost };
}

/**
 * The result of `solved` (the problem without its closed pairs) for the whole `problem`: each
 * closed column's dual is set to cover its pairs, `row[i] + col[j] >= w` for `max` (`<=` for
 * `min`), with the sign of a binding capacity's dual (`>= 0` for `max`, `<= 0` for `min`), so
 * the duals certify the whole problem. A closed column is always full, so any such value is
 * complementary slack.
 */
export function coverClosedColumns(problem: NormalizedProblem, solved: NormalizedProblem, result: AssignmentResult): AssignmentResult {
  if (solved === problem || result.status !== 'optimal') return result;
  const { rows, rowStart, colIndex, weight, capacity } = problem;
  const max = problem.sense === 'max';
  const row = result.duals.row;
  const col = result.duals.col.slice();
  for (let j = 0; j < problem.cols; j++) if (capacity[j] === 0) col[j] = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      if (capacity[j] !== 0) continue;
      const needed = weight[k]! - row[i]!;
      if (max ? needed > col[j]! : needed < col[j]!) col[j] = needed;
    }
  }
  return { ...result, duals: { row, col } };
}
