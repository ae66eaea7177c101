import { CoachmatchError } from '../errors.js';
import { solveMaxMin } from '../fairness/solveMaxMin.js';
import { auditStability } from '../stable/auditStability.js';
import { deferredAcceptance } from '../stable/deferredAcceptance.js';
import { preferencesFromScores } from '../stable/preferencesFromScores.js';
import type { StableProblem } from '../stable/stableProblem.js';
import type { AssignmentProblem, AssignmentResult, Diagnosis, SolverMethod } from '../solver/types.js';
import type { CombinedProblem } from './combinePolicies.js';
import type { ObjectiveReport } from './objectiveReport.js';

/** What {@link objectiveSolve} needs from a prepared match. */
export interface ObjectiveSolveInput {
  readonly combined: CombinedProblem;
  readonly coacheeIds: readonly string[];
  readonly coachIds: readonly string[];
  /** The solver's problem (`toAssignmentProblem`). */
  readonly problem: AssignmentProblem;
  readonly method: SolverMethod;
  readonly solve: (problem: AssignmentProblem, options: { method: SolverMethod }) => AssignmentResult;
}

/**
 * Solves the engine's problem for the `fair` or `stable` objective and returns an
 * assignment result for `assembleMatching` plus the {@link ObjectiveReport}.
 *
 * @remarks The result has the solver's shape so the engine explains it like any other; its
 * `duals` are not meaningful for these objectives (all 0) and `method` is the inner solver's
 * (`flow` for a stable matching, which involves no solver).
 */
export function objectiveSolve(objective: 'fair' | 'stable', input: ObjectiveSolveInput): { result: AssignmentResult; report: ObjectiveReport } {
  if (objective === 'fair') return fair(input);
  if (objective === 'stable') return stable(input);
  // Never a default branch: an objective the engine does not know must not run another one.
  throw new CoachmatchError('internal', `no solve for objective ${JSON.stringify(objective)}`);
}

function fair({ combined, problem, method }: ObjectiveSolveInput): { result: AssignmentResult; report: ObjectiveReport } {
  const { cols, utility } = combined;
  const outcome = solveMaxMin(problem, { method, level: (row, col) => utility[row * cols + col]! });
  if (outcome.status === 'infeasible') {
    return { result: outcome, report: { objective: 'fair', worstScore: null, optimumWorstScore: null, total: null, optimumTotal: null, priceOfFairness: null } };
  }
  return {
    result: resultOf(outcome.assignment, outcome.objective, combined.rows, cols, method === 'lp' ? 'lp' : 'flow'),
    report: {
      objective: 'fair',
      worstScore: outcome.worst,
      optimumWorstScore: outcome.optimumWorst,
      total: outcome.objective,
      optimumTotal: outcome.optimum,
      priceOfFairness: outcome.priceOfFairness,
    },
  };
}

function stable({ combined, problem, method, solve, coacheeIds, coachIds }: ObjectiveSolveInput): { result: AssignmentResult; report: ObjectiveReport } {
  const prefs = stablePreferences(problem, combined);
  const matching = deferredAcceptance(prefs, { proposer: 'rows' });
  const audit = auditStability(prefs, matching.assignment);
  const blockingPairs = audit.blockingPairs.map(({ row, col }) => ({ coacheeId: coacheeIds[row]!, coachId: coachIds[col]! }));
  const plain = solve(problem, { method });
  const optimumTotal = plain.status === 'optimal' ? plain.objective : null;
  const weights = problem.weights!;
  let total = 0;
  matching.assignment.forEach((j, i) => {
    if (j !== null) total += weights[i]![j]!;
  });
  const optimumMatched = plain.status === 'optimal' ? plain.matched : null;
  const report = (value: number | null): ObjectiveReport => ({
    objective: 'stable',
    optimalFor: 'coachee',
    blockingPairs,
    total: value,
    optimumTotal,
    matched: value === null ? null : matching.matched,
    optimumMatched,
    priceOfStability: value === null || optimumTotal === null ? null : stabilityPrice(optimumTotal - value, optimumMatched === matching.matched),
  });
  if (plain.status === 'infeasible') return { result: plain, report: report(null) };
  const problems = stableShortfalls(matching.assignment, matching.members, combined, problem.allowUnmatched === true, coacheeIds, coachIds);
  if (problems.length > 0) {
    const diagnosis: Diagnosis[] = problems.map((message) => ({ kind: 'capacityShort', shortBy: 0, message }));
    return { result: { status: 'infeasible', method: 'flow', objective: null, assignment: matching.assignment, loads: matching.members.map((m) => m.length), matched: matching.matched, duals: null, diagnosis }, report: report(null) };
  }
  return { result: resultOf(matching.assignment, total, combined.rows, combined.cols, 'flow'), report: report(total) };
}

/**
 * Placing as many coachees, the best total is at least the stable one's, so a negative price is
 * summing in another order and reads 0; placing more, it may well be lower and is reported as is.
 */
function stabilityPrice(price: number, sameCount: boolean): number {
  return sameCount ? Math.max(0, price) : price;
}

/**
 * Hard constraints deferred acceptance does not see: every coachee placed (strict mode) and
 * minimum loads. By the rural-hospitals theorem every stable matching places the same
 * coachees and fills under-subscribed coaches with the same number, so a shortfall here
 * means no stable matching meets the constraint.
 */
function stableShortfalls(
  assignment: readonly (number | null)[],
  members: readonly (readonly number[])[],
  combined: CombinedProblem,
  allowUnmatched: boolean,
  coacheeIds: readonly string[],
  coachIds: readonly string[],
): string[] {
  const out: string[] = [];
  const left = assignment.flatMap((j, i) => (j === null ? [coacheeIds[i]!] : []));
  if (!allowUnmatched && left.length > 0) out.push(`no stable matching places every coachee: ${left.join(', ')} stay unmatched in every stable matching`);
  const short = members.flatMap((m, j) => (m.length < combined.minLoad[j]! ? [coachIds[j]!] : []));
  if (short.length > 0) out.push(`no stable matching meets the minimum loads of coaches ${short.join(', ')}`);
  return out;
}

function resultOf(assignment: readonly (number | null)[], objective: number, rows: number, cols: number, method: 'flow' | 'lp'): AssignmentResult {
  const loads = new Array<number>(cols).fill(0);
  for (const j of assignment) if (j !== null) loads[j]!++;
  return {
    status: 'optimal',
    method,
    objective,
    assignment,
    loads,
    matched: assignment.filter((j) => j !== null).length,
    duals: { row: new Array<number>(rows).fill(0), col: new Array<number>(cols).fill(0) },
  };
}

/**
 * Coaches rank coachees by the solver's (priority-weighted) weights; coachees rank their
 * coaches by utility itself. The two orders agree for any multiplier above 0, but a coachee at
 * priority 0 weighs every pair 0 and would otherwise take coaches in id order.
 */
function stablePreferences(problem: AssignmentProblem, combined: CombinedProblem): StableProblem {
  const byWeight = preferencesFromScores(problem);
  const utilities = problem.weights!.map((row, i) => row.map((w, j) => (w === null ? null : combined.utility[i * combined.cols + j]!)));
  return { ...byWeight, rowPrefs: preferencesFromScores({ ...problem, weights: utilities }).rowPrefs };
}
