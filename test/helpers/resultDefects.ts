import type { AssignmentProblem, AssignmentResult } from '../../src/solver/types.js';
import { candidatesOf } from './bruteForce.js';

/** True when two objectives agree up to the rounding of sums of fractional weights. */
export function closeObjectives(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * What is wrong with a solver result for the caller's own problem, in words (empty: nothing).
 * An `optimal` result must be feasible (every row placed unless `allowUnmatched`, allowed
 * pairs only, capacities and minimum loads kept, `loads`/`matched` consistent) with a finite
 * objective equal to the sum of the chosen weights; an `infeasible` one must carry a
 * diagnosis. Independent of vitest, so the soak script can use it too.
 *
 * @example
 * ```ts
 * const defects = resultDefects(problem, solveAssignment(problem));
 * if (defects.length > 0) throw new Error(defects.join('\n'));
 * ```
 */
export function resultDefects(problem: AssignmentProblem, result: AssignmentResult): string[] {
  const { rows, cols, options } = candidatesOf(problem);
  const defects: string[] = [];
  if (result.status === 'infeasible') {
    if (result.diagnosis.length === 0) defects.push('infeasible without a diagnosis');
    if ((result as { objective: unknown }).objective !== null) defects.push(`infeasible with objective ${String((result as { objective: unknown }).objective)}`);
    return defects;
  }
  if (result.status !== 'optimal') return [`unknown status ${String((result as { status: unknown }).status)}`];
  if (result.assignment.length !== rows) defects.push(`assignment has ${result.assignment.length} entries for ${rows} rows`);
  if (result.loads.length !== cols) defects.push(`loads has ${result.loads.length} entries for ${cols} columns`);
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const load = new Array<number>(cols).fill(0);
  let total = 0;
  let matched = 0;
  result.assignment.forEach((j, i) => {
    if (j === null) {
      if (problem.allowUnmatched !== true) defects.push(`row ${i} left unplaced`);
      return;
    }
    const pair = options[i]?.find(([c]) => c === j);
    if (pair === undefined) {
      defects.push(`row ${i} placed on forbidden or unknown column ${j}`);
      return;
    }
    total += pair[1];
    load[j]!++;
    matched++;
  });
  if (result.matched !== matched) defects.push(`matched says ${result.matched}, assignment places ${matched}`);
  load.forEach((l, j) => {
    if (result.loads[j] !== l) defects.push(`loads[${j}] says ${result.loads[j]}, assignment gives ${l}`);
    if (l > capacity[j]!) defects.push(`column ${j} holds ${l} > capacity ${capacity[j]}`);
    if (l < minLoad[j]!) defects.push(`column ${j} holds ${l} < minimum load ${minLoad[j]}`);
  });
  if (typeof result.objective !== 'number' || !Number.isFinite(result.objective)) {
    defects.push(`optimal with a non-finite objective ${result.objective}`);
  } else if (!closeObjectives(result.objective, total)) {
    defects.push(`objective ${result.objective} is not the sum of the chosen weights ${total}`);
  }
  return defects;
}
