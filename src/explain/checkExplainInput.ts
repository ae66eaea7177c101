import { z } from 'zod';
import { CoachmatchError, type InputIssue } from '../errors.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { maxBMatching } from '../solver/maxBMatching.js';
import { normalizeProblem } from '../solver/normalizeProblem.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import { placeableAtMost } from '../solver/unmatchedColumn.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../solver/types.js';
import type { ExplainOptions } from './explainMatching.js';
import { optionsWithDefaults } from '../model/optionsWithDefaults.js';
import { dualIssues } from './checkDuals.js';
import { totalTolerance } from './explainTolerance.js';

/** The options of explainMatching; undefined means the default. */
const explainOptionsSchema = z.strictObject({
  // z.array reads every index, so a hole is an issue at its own path.
  coacheeIds: z.array(z.string()).optional(),
  k: z.number().int().min(0).optional(),
  includePreferences: z.boolean().optional(),
  allowUnmatched: z.boolean().optional(),
  method: z.enum(['auto', 'jv', 'flow', 'lp']).optional(),
});

/**
 * Checks explainMatching's options and fills in the defaults.
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option at `$.<name>`.
 */
export function explainSettings(options: unknown, defaults: ExplainOptions): ExplainOptions {
  return optionsWithDefaults(explainOptionsSchema, options, defaults, 'explain options');
}

const finite = z.number();
const resultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('optimal'),
    objective: finite,
    assignment: z.array(z.number().int().nullable()),
    loads: z.array(finite),
    matched: z.number().int(),
    duals: z.object({ row: z.array(finite), col: z.array(finite) }),
  }),
  z.object({ status: z.literal('infeasible') }),
]);

/**
 * Checks that `result` is an optimal (or infeasible) solve of `problem`, the problem being
 * explained: a result of another problem, or one whose objective, loads or count do not add
 * up, would otherwise be explained as this problem's optimum. The assignment is checked pair
 * by pair (range, bans, capacities, minimum loads), the objective recomputed from the weights
 * (relative tolerance 1e-9, see totalTolerance), and the duals must certify it (see
 * dualIssues: explain prices alternatives by them), placing as many coachees as can be placed:
 * then it is optimal. Otherwise, and for an "infeasible" result, the problem is solved once more
 * so that a result that is not optimal (or an "infeasible" for a feasible problem) is refused
 * with what the optimum is.
 *
 * @throws CoachmatchError `invalidArgument` listing each mismatch at `$.result.<field>`.
 */
export function checkResultFits(problem: AssignmentProblem, result: unknown, method: SolverMethod): asserts result is AssignmentResult {
  const refuse = (issues: InputIssue[]) => {
    throw new CoachmatchError('invalidArgument', 'The result is not a solve of the problem being explained', issues.slice(0, 50), issues.length);
  };
  const parsed = resultSchema.safeParse(result);
  if (!parsed.success) {
    const issues = zodIssuesToInputIssues(parsed.error.issues).map((i) => ({ ...i, path: i.path.replace(/^\$/, '$.result') }));
    refuse(issues);
    return;
  }
  const weights = problem.weights!;
  const rows = weights.length;
  const cols = problem.capacity?.length ?? 0;
  const given = parsed.data;
  if (given.status === 'infeasible') {
    if (solveAssignment(problem, { method }).status === 'optimal') refuse([{ path: '$.result.status', message: 'infeasible, but the problem being explained has an optimal matching' }]);
    return;
  }
  const issues: InputIssue[] = [];
  if (given.assignment.length !== rows) issues.push({ path: '$.result.assignment', message: `has ${given.assignment.length} entries for ${rows} coachees` });
  if (given.loads.length !== cols) issues.push({ path: '$.result.loads', message: `has ${given.loads.length} entries for ${cols} coaches` });
  if (given.duals.row.length !== rows) issues.push({ path: '$.result.duals.row', message: `has ${given.duals.row.length} entries for ${rows} coachees` });
  if (given.duals.col.length !== cols) issues.push({ path: '$.result.duals.col', message: `has ${given.duals.col.length} entries for ${cols} coaches` });
  if (issues.length > 0) refuse(issues);
  const loads = new Array<number>(cols).fill(0);
  let objective = 0;
  let matched = 0;
  given.assignment.forEach((col, row) => {
    if (col === null) {
      if (problem.allowUnmatched !== true) issues.push({ path: `$.result.assignment[${row}]`, message: 'unmatched, but every coachee must be placed' });
      return;
    }
    const weight = col >= 0 && col < cols ? weights[row]![col] : undefined;
    if (weight === undefined) issues.push({ path: `$.result.assignment[${row}]`, message: `coach index ${col} is outside 0..${cols - 1}` });
    else if (weight === null) issues.push({ path: `$.result.assignment[${row}]`, message: `the pair with coach index ${col} is banned` });
    else {
      loads[col]!++;
      matched++;
      objective += weight;
    }
  });
  loads.forEach((load, col) => {
    if (load !== given.loads[col]) issues.push({ path: `$.result.loads[${col}]`, message: `is ${given.loads[col]}, but the assignment gives ${load}` });
    if (load > problem.capacity![col]!) issues.push({ path: `$.result.loads[${col}]`, message: `${load} coachees for ${problem.capacity![col]} place(s)` });
    if (load < (problem.minLoad?.[col] ?? 0)) issues.push({ path: `$.result.loads[${col}]`, message: `${load} coachees, below the minimum load ${problem.minLoad![col]}` });
  });
  if (matched !== given.matched) issues.push({ path: '$.result.matched', message: `is ${given.matched}, but the assignment places ${matched}` });
  const tolerance = totalTolerance(weights, given.assignment);
  if (issues.length === 0 && Math.abs(objective - given.objective) > tolerance) {
    issues.push({ path: '$.result.objective', message: `is ${given.objective}, but the assignment's weights add up to ${objective}` });
  }
  // Duals that certify the result, placing as many as can be placed, prove it optimal: the
  // problem is solved again only to say what is wrong (0.7–0.9 s of every explain of 2,000 × 400).
  if (issues.length === 0 && dualIssues(problem, given).length === 0 && (problem.allowUnmatched !== true || placesTheMost(problem, matched))) return;
  const optimum = solveAssignment(problem, { method });
  if (issues.length === 0 && optimum.status === 'optimal') {
    if (optimum.matched > matched) issues.push({ path: '$.result.assignment', message: `places ${matched} coachees; the optimum places ${optimum.matched}` });
    else if (optimum.objective > objective + Math.max(tolerance, totalTolerance(weights, optimum.assignment))) issues.push({ path: '$.result.objective', message: `${objective} is not optimal: the optimum is ${optimum.objective}` });
  }
  if (issues.length === 0) {
    const dual = dualIssues(problem, given);
    // The LP backends' duals are only as exact as their tolerances, which a weight far larger
    // than the rest (a penalty on a coachee of tiny priority) stretches.
    if (dual.length > 0) dual[0] = { ...dual[0]!, message: `${dual[0]!.message} (duals from method 'lp' can be this far off: solve with 'auto' or 'flow', whose duals are exact)` };
    issues.push(...dual);
  }
  if (issues.length > 0) refuse(issues);
}

/** Whether no matching places more than `matched` rows: at the bound of places and rows, or else at a largest matching's size. */
function placesTheMost(problem: AssignmentProblem, matched: number): boolean {
  const graph = normalizeProblem(problem);
  return matched >= placeableAtMost(graph) || matched >= maxBMatching(graph).size;
}
