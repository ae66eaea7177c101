import { solvePinned, type Pin } from '../explain/solvePinned.js';
import type { AssignmentProblem, SolverMethod } from '../solver/types.js';

/**
 * With every coachee to be placed (`allowUnmatched` false): the fewest exit rows to set aside
 * so that everyone else can be placed, the exit rows kept only on their eligible coaches.
 * Which ones: those a best such assignment sets aside (fewest set aside, then the highest total).
 *
 * @remarks
 * Without this a strict solve with an exit that has no place is simply infeasible, and the
 * re-match reported the whole cohort infeasible instead of refusing the exit. Setting aside
 * is an extra column, open to the exit rows only at weight 0; its capacity is the number set
 * aside at most, so the smallest capacity that is feasible (found by bisection, feasibility
 * being monotone in it) gives the fewest, and the solve at it the best total among those.
 * When even setting every exit aside is infeasible, the exits are not what blocks: every exit
 * row is returned, so the caller refuses them all and reports the cohort's own infeasibility
 * (refusals it then gives as `cohortInfeasible`, not `noPlace`).
 *
 * @param problem the strict problem, exit rows already restricted to their eligible coaches.
 * @returns the exit rows to refuse, ascending; empty when the problem is feasible as it is.
 */
export function exitsWithoutPlace(problem: AssignmentProblem & { weights: ReadonlyArray<ReadonlyArray<number | null>> }, exitRows: ReadonlySet<number>, pins: readonly Pin[], method: SolverMethod): number[] {
  const cols = problem.cols ?? problem.weights[0]?.length ?? 0;
  const aside = cols;
  const weights = problem.weights.map((r, row) => [...r, exitRows.has(row) ? 0 : null]);
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const solve = (places: number) =>
    solvePinned({ ...problem, weights, cols: cols + 1, capacity: [...capacity, places], minLoad: [...minLoad, 0], allowUnmatched: false }, pins, method);
  const all = [...exitRows].sort((a, b) => a - b);
  if (all.length === 0) return [];
  let low = 0; // infeasible with this many set aside (the strict problem itself, assumed infeasible)
  let high = all.length;
  let best = solve(high);
  if (best.status !== 'optimal') return all;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    const trial = solve(mid);
    if (trial.status === 'optimal') [high, best] = [mid, trial];
    else low = mid;
  }
  const solved = best;
  return all.filter((row) => solved.status === 'optimal' && solved.assignment[row] === aside);
}
