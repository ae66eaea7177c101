import type { InputIssue } from '../errors.js';
import { roundingUnit } from '../solver/roundingUnit.js';
import type { AssignmentProblem, AssignmentResult } from '../solver/types.js';
import { largestWeight } from './explainTolerance.js';

type OptimalResult = Extract<AssignmentResult, { status: 'optimal' }>;

/**
 * Whether the given duals certify the (optimal) result of `problem`, a `max` problem: explain
 * reads `row[i] + col[j] − w[i][j]` as a lower bound of what forcing (i, j) costs, and stops
 * pricing alternatives at it, so duals that are not a certificate hide the cheapest ones.
 * Checked, within 1e-9 of the weights' scale: every pair of an open coach at least its weight,
 * every assigned pair exactly; a positive column dual only on a full coach, a negative one only
 * at its minimum load; with unplaced rows that could be placed, none of their duals above a
 * placed row's (the duals of a fixed number placed: an unplaced row holds only that count's price).
 *
 * @returns the issues, at `$.result.duals.row[i]` or `$.result.duals.col[j]`; empty when certified.
 */
export function dualIssues(problem: AssignmentProblem, result: Pick<OptimalResult, 'assignment' | 'loads' | 'duals'>): InputIssue[] {
  const weights = problem.weights!;
  const capacity = problem.capacity!;
  const minLoad = problem.minLoad ?? capacity.map(() => 0);
  const { row: u, col: v } = result.duals;
  const largest = largestWeight(weights);
  const tolerance = 1e-9 * (roundingUnit(largest) + largest);
  const issues: InputIssue[] = [];
  weights.forEach((r, i) => {
    const chosen = result.assignment[i] ?? null;
    r.forEach((w, j) => {
      if (w === null || capacity[j] === 0) return;
      const reduced = u[i]! + v[j]! - w;
      if (reduced < -tolerance) issues.push({ path: `$.result.duals.row[${i}]`, message: `row[${i}] + col[${j}] is ${reduced} below the pair's weight ${w}: the duals are not feasible` });
      else if (j === chosen && reduced > tolerance) issues.push({ path: `$.result.duals.row[${i}]`, message: `row[${i}] + col[${j}] exceeds the assigned pair's weight ${w} by ${reduced}: it must equal it` });
    });
  });
  result.loads.forEach((load, j) => {
    if (v[j]! > tolerance && load < capacity[j]!) issues.push({ path: `$.result.duals.col[${j}]`, message: `is ${v[j]}, but coach index ${j} has a free place (${load} of ${capacity[j]}): only a full coach has a positive dual` });
    if (v[j]! < -tolerance && load > minLoad[j]!) issues.push({ path: `$.result.duals.col[${j}]`, message: `is ${v[j]}, but coach index ${j} is above its minimum load (${load} > ${minLoad[j]}): only a coach at its minimum has a negative dual` });
  });
  let lowestPlaced = Infinity;
  result.assignment.forEach((col, i) => {
    if (col !== null) lowestPlaced = Math.min(lowestPlaced, u[i]!);
  });
  // A row with no pair on an open coach is never placed: its dual bounds nothing.
  const placeable = (i: number) => weights[i]!.some((w, j) => w !== null && capacity[j]! > 0);
  result.assignment.forEach((col, i) => {
    if (col === null && u[i]! > lowestPlaced + tolerance && placeable(i)) issues.push({ path: `$.result.duals.row[${i}]`, message: `is ${u[i]}, above ${lowestPlaced}, a placed coachee's dual: an unplaced coachee's cannot exceed it` });
  });
  return issues;
}
