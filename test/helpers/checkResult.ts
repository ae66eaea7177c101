import { expect } from 'vitest';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../../src/solver/types.js';
import { candidatesOf, type BruteForceAnswer } from './bruteForce.js';
import { resultDefects } from './resultDefects.js';

/** True when two objectives agree up to rounding of sums of fractional weights. */
export function sameObjective(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) * 100;
}

/**
 * Methods that accept the problem: `jv` only for square one-to-one problems that place every
 * row (dense, or sparse made dense), as `solveAssignment` documents for it.
 */
export function methodsFor(problem: AssignmentProblem): SolverMethod[] {
  const { rows, cols } = candidatesOf(problem);
  const oneToOne =
    rows === cols &&
    (problem.capacity ?? []).every((c) => c === 1) &&
    (problem.minLoad ?? []).every((m) => m === 0) &&
    problem.allowUnmatched !== true;
  return oneToOne ? ['auto', 'jv', 'flow', 'lp'] : ['auto', 'flow', 'lp'];
}

/**
 * Checks an optimal result against the caller's own problem: bans, capacities and minimum
 * loads kept, every row placed unless `allowUnmatched`, loads and `matched` consistent, and
 * the objective the sum of the chosen weights.
 */
export function expectKeepsConstraints(problem: AssignmentProblem, result: AssignmentResult): void {
  expect(result.status).toBe('optimal');
  expect(resultDefects(problem, result)).toEqual([]);
}

/**
 * Checks the duals as documented in `types.ts`: for `max`, `row[i] + col[j] >= w` on every
 * allowed pair with equality on assigned ones (flipped for `min`); a column below capacity
 * whose minimum load does not bind (a minimum of 0 never does) has `col = 0`. Without unplaced rows and minimum loads the
 * dual objective `Σ row + Σ capacity·col` equals the objective, certifying optimality.
 * Tolerance scales with the weights (1e-9 per unit of the largest weight).
 */
export function expectCertifyingDuals(problem: AssignmentProblem, result: AssignmentResult): void {
  if (result.status !== 'optimal') throw new Error('duals exist only for optimal results');
  const { rows, cols, options } = candidatesOf(problem);
  const { row, col } = result.duals;
  expect(row).toHaveLength(rows);
  expect(col).toHaveLength(cols);
  const largest = Math.max(1, ...options.flat().map(([, w]) => Math.abs(w)));
  const tol = 1e-9 * largest;
  const sign = problem.sense === 'min' ? -1 : 1;
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  options.forEach((pairs, i) => {
    for (const [j, w] of pairs) {
      // For max: slack = row + col - w >= 0; for min the same with every sign flipped.
      const slack = sign * (row[i]! + col[j]! - w);
      expect(slack, `dual slack of pair (${i}, ${j})`).toBeGreaterThanOrEqual(-tol);
      if (result.assignment[i] === j) expect(Math.abs(slack), `assigned pair (${i}, ${j}) is tight`).toBeLessThanOrEqual(tol);
    }
  });
  result.loads.forEach((l, j) => {
    // A minimum load of 0 never binds.
    const aboveMin = l > minLoad[j]! || minLoad[j] === 0;
    if (l < capacity[j]! && aboveMin) expect(Math.abs(col[j]!), `col dual of slack column ${j}`).toBeLessThanOrEqual(tol);
    // A column below capacity cannot be worth more (max) / cost less (min) than 0…
    if (l < capacity[j]!) expect(sign * col[j]!, `col dual of non-full column ${j}`).toBeLessThanOrEqual(tol);
    // …and one above its minimum cannot be subsidised.
    if (aboveMin) expect(sign * col[j]!, `col dual of column ${j} above its minimum`).toBeGreaterThanOrEqual(-tol);
  });
  if (problem.allowUnmatched !== true && minLoad.every((m) => m === 0)) {
    const dualObjective = row.reduce((a, b) => a + b, 0) + col.reduce((a, v, j) => a + capacity[j]! * v, 0);
    expect(sameObjective(dualObjective, result.objective), `dual ${dualObjective} vs primal ${result.objective}`).toBe(true);
  }
}

/**
 * `result` agrees with an oracle's result of the same problem: the same status and, when both
 * are optimal, the same objective, with every constraint kept and duals that certify it.
 */
export function expectAgreesWith(problem: AssignmentProblem, result: AssignmentResult, oracle: AssignmentResult): void {
  expect(result.status).toBe(oracle.status);
  if (result.status !== 'optimal' || oracle.status !== 'optimal') return;
  expect(sameObjective(result.objective, oracle.objective)).toBe(true);
  expectKeepsConstraints(problem, result);
  expectCertifyingDuals(problem, result);
}

/**
 * `result` is the brute-force answer: infeasible where that is, else optimal at its objective
 * with as many rows placed, every constraint kept and duals that certify it.
 */
export function expectBruteForceOptimum(problem: AssignmentProblem, result: AssignmentResult, oracle: BruteForceAnswer): void {
  expect(result.status).toBe(oracle.feasible ? 'optimal' : 'infeasible');
  if (result.status !== 'optimal') return;
  expect(sameObjective(result.objective, oracle.objective!)).toBe(true);
  expect(result.matched).toBe(oracle.matched);
  expectKeepsConstraints(problem, result);
  expectCertifyingDuals(problem, result);
}
