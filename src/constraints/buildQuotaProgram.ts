import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import type { ExpandedQuota } from './expandQuotas.js';
import type { ZeroOneProgram } from './zeroOneProgram.js';
import { scaledForLp } from '../solver/powerOfTwoScale.js';

/** What to optimise: the number of placed rows, or the total weight with exactly `placed` rows. */
export type QuotaGoal = { readonly kind: 'mostRows' } | { readonly kind: 'bestTotal'; readonly placed: number | null };

/**
 * The assignment with quota instances as a {@link ZeroOneProgram}: variable k is the
 * problem's allowed pair at CSR position k; each row placed at most once (exactly once
 * unless `allowUnmatched`), each column's load in [minLoad, capacity], each quota instance's
 * weighted count in [min, max], and for `bestTotal` with `placed` the number of placed rows
 * fixed. The objective is the number of placed rows (`mostRows`) or the pair weights scaled
 * by a power of two so the largest a pair can have is about 1e6 (`bestTotal`, in the problem's
 * sense): a factor capped at 10^12 left weights of 1e-20 at 1e-8, below HiGHS's tolerances.
 */
export function buildQuotaProgram(problem: NormalizedProblem, quotas: readonly ExpandedQuota[], goal: QuotaGoal): ZeroOneProgram {
  const { rows, cols, rowStart, colIndex, weight, capacity, minLoad } = problem;
  const n = colIndex.length;
  const placedRow = goal.kind === 'bestTotal' && goal.placed !== null ? 1 : 0;
  const count = rows + cols + placedRow + quotas.length;
  let terms = 2 * n + placedRow * n;
  for (const q of quotas) terms += q.pairs.length;
  const start = new Int32Array(count + 1);
  const index = new Int32Array(terms);
  const value = new Float64Array(terms).fill(1);
  const lower = new Float64Array(count);
  const upper = new Float64Array(count);
  let r = 0;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) index[p++] = k;
    lower[r] = problem.allowUnmatched ? -Infinity : 1;
    upper[r] = 1;
    start[++r] = p;
  }
  // Columns: bucket the positions by column (counting sort), ascending within each.
  const colStart = new Int32Array(cols + 1);
  for (let k = 0; k < n; k++) colStart[colIndex[k]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, cols);
  const base = p;
  for (let k = 0; k < n; k++) index[base + fill[colIndex[k]!]!++] = k;
  for (let j = 0; j < cols; j++) {
    p = base + colStart[j + 1]!;
    lower[r] = minLoad[j]! > 0 ? minLoad[j]! : -Infinity;
    upper[r] = capacity[j]!;
    start[++r] = p;
  }
  if (placedRow === 1 && goal.kind === 'bestTotal') {
    for (let k = 0; k < n; k++) index[p++] = k;
    lower[r] = upper[r] = goal.placed!;
    start[++r] = p;
  }
  for (const q of quotas) {
    index.set(q.pairs, p);
    value.set(q.coefficients, p);
    p += q.pairs.length;
    lower[r] = q.instance.min ?? -Infinity;
    upper[r] = q.instance.max ?? Infinity;
    start[++r] = p;
  }
  // A pair on a coach without places is never chosen: weighed 0, it cannot set the scale (a weight
  // of 1e7 there had pushed weights of 1e-7 below HiGHS's tolerances).
  const objective = goal.kind === 'mostRows' ? new Float64Array(n).fill(1) : scaledForLp(Float64Array.from(weight, (w, k) => (capacity[colIndex[k]!]! > 0 ? w : 0)));
  return { variables: n, sense: goal.kind === 'mostRows' ? 'max' : problem.sense, objective, start, index, value, lower, upper };
}
