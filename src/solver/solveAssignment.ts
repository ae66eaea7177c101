import { solveWithFlow, type FlowTuning } from './flowSolver.js';
import { densified, fitsJv, isSquareOneToOne, solveWithJv } from './jvSolver.js';
import { solveWithLp } from './lpBackend.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import { normalizeProblem } from './normalizeProblem.js';
import type { AssignmentProblem, AssignmentResult, SolveOptions, WarmStart } from './types.js';
import { checkWarmStart } from './warmStart.js';
import { CoachmatchError } from '../errors.js';
import { SolveWorkspace } from './solveWorkspace.js';
import { coverClosedColumns, withoutClosedPairs } from './closedColumns.js';

/** Largest rows × cols for which `auto` turns a sparse square one-to-one problem dense for JV (8 MB; measured on the OR-Library sparse instances: faster up to n = 800, slower at 1500). */
const DENSE_JV_LIMIT = 1_000_000;

/** Defaults for {@link solveAssignment}'s options. */
export const defaultSolveOptions: SolveOptions = { method: 'auto' };

const SOLVE_OPTIONS: ReadonlySet<string> = new Set(['method', 'warmStart', 'workspace']);

/**
 * Finds the best assignment of rows (coachees) to columns (coaches) exactly.
 *
 * @remarks
 * `auto` runs Jonker–Volgenant on dense square one-to-one problems and min-cost flow
 * (successive shortest paths on column capacities) on everything else; `lp` builds the
 * same problem for javascript-lp-solver. An impossible problem is a result with
 * `status: 'infeasible'` and a diagnosis, never an exception; malformed input throws a
 * `CoachmatchError` of kind `invalidProblem` listing every problem with its JSON path.
 *
 * @example
 * ```ts
 * const result = solveAssignment({ weights: [[5, 1], [4, 3]], capacity: [1, 1] });
 * // result.status === 'optimal', result.assignment = [0, 1], result.objective = 8
 * ```
 */
export function solveAssignment(problem: AssignmentProblem, options: Partial<SolveOptions> = {}): AssignmentResult {
  return solveTuned(problem, options, {});
}

/** As {@link solveAssignment}, with `tuning` for the flow solver, if it runs (the result is exact either way). */
export function solveTuned(problem: AssignmentProblem, options: Partial<SolveOptions>, tuning: Partial<FlowTuning>): AssignmentResult {
  const unknown = Object.keys(options ?? {}).filter((key) => !SOLVE_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new CoachmatchError('invalidArgument', 'Invalid solve options', unknown.map((key) => ({ path: `$.${key}`, message: `unknown option; the options are ${[...SOLVE_OPTIONS].join(', ')}` })));
  }
  const { method, warmStart, workspace } = { ...defaultSolveOptions, ...options };
  // Its buffers are taken without a look: anything else fails deep inside as a TypeError.
  if (workspace !== undefined && !(workspace instanceof SolveWorkspace)) {
    throw new CoachmatchError('invalidArgument', 'workspace must be a SolveWorkspace (new SolveWorkspace()) or left out', [{ path: '$.workspace', message: 'expected a SolveWorkspace' }]);
  }
  const normalized = normalizeProblem(problem, workspace);
  if (warmStart !== undefined) checkWarmStart(normalized, warmStart);
  return solveNormalized(normalized, method, warmStart, tuning, workspace);
}

/**
 * As {@link solveAssignment}, for a problem already in the solver's internal form; `tuning` for the flow solver, if it runs.
 * The algorithms never see pairs to columns of capacity 0 (see withoutClosedPairs).
 */
export function solveNormalized(
  problem: NormalizedProblem,
  method: SolveOptions['method'] = 'auto',
  warmStart?: WarmStart,
  tuning: Partial<FlowTuning> = {},
  workspace?: SolveWorkspace,
): AssignmentResult {
  const open = withoutClosedPairs(problem);
  const result = dispatch(open, method, warmStart, tuning, workspace);
  // Weights do not decide feasibility, but the closed pairs explain it: rows that can only use
  // closed columns compete for no places, rather than having "no allowed column at all".
  if (open !== problem && result.status === 'infeasible') return dispatch(problem, method, warmStart, tuning, workspace);
  return coverClosedColumns(problem, open, result);
}

function dispatch(
  problem: NormalizedProblem,
  method: SolveOptions['method'],
  warmStart: WarmStart | undefined,
  tuning: Partial<FlowTuning>,
  workspace: SolveWorkspace | undefined,
): AssignmentResult {
  switch (method) {
    case 'auto':
      if (fitsJv(problem)) return solveWithJv(problem);
      // A sparse square one-to-one problem that fits densely: JV's linear scans beat the heap.
      if (isSquareOneToOne(problem) && problem.rows * problem.cols <= DENSE_JV_LIMIT) return solveWithJv(densified(problem));
      return solveWithFlow(problem, tuning, warmStart, workspace);
    case 'jv':
      if (!isSquareOneToOne(problem)) {
        throw new CoachmatchError('invalidArgument', 'method "jv" needs a square problem with capacity 1 per column, no minimum loads and allowUnmatched false');
      }
      return solveWithJv(fitsJv(problem) ? problem : densified(problem));
    case 'flow':
      return solveWithFlow(problem, tuning, warmStart, workspace);
    case 'lp':
      return solveWithLp(problem);
    default:
      throw new CoachmatchError('invalidArgument', `unknown method ${JSON.stringify(method)}`);
  }
}
