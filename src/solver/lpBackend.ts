import lpSolver, { type SolverAPI } from 'javascript-lp-solver';
import { CoachmatchError } from '../errors.js';
import { buildLpModel, LP_MATCHED, LP_WEIGHT, lpPairVariable, type LpModel } from './buildLpModel.js';
import { buildResult, infeasibleResult } from './buildResult.js';
import { diagnoseMinLoads, diagnosePlacement } from './diagnose.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import { optimalityDuals } from './optimalityDuals.js';
import { exponentToward, LP_WEIGHT_EXPONENT, timesPowerOfTwo } from './powerOfTwoScale.js';
import type { AssignmentResult, Diagnosis } from './types.js';

// The package's declarations are typed as CommonJS, so TypeScript sees the default import
// as the module object while Node's ESM loader hands over the solver itself; accept both.
const imported: unknown = lpSolver;
const solver = (
  (imported as { Solve?: unknown }).Solve !== undefined ? imported : (imported as { default: unknown }).default
) as SolverAPI;

/** A value this close to 0 or 1 counts as 0 or 1. */
const INTEGRALITY_TOLERANCE = 1e-6;

/**
 * The largest dense tableau the LP solver is given, in bytes: bench/RESULTS.md's largest case
 * it solves (about 1.2 GB) took 7.8 s; dense 1000 × 1000 (about 24 GB) was killed out of
 * memory after 84 s without an answer.
 */
const MOST_TABLEAU_BYTES = 4e9;

/**
 * The largest number of model constraints (2 · rows + cols): the model holds an object per
 * constraint, and 10,000,000 rows with one pair ran past 400 s at 1.6 GB, a tableau estimate
 * of only 0.5 GB notwithstanding.
 */
const MOST_CONSTRAINTS = 200_000;

/**
 * Refuses a problem too large for the LP solver, which would otherwise run out of memory or
 * for hours: `lp` is a check of the exact algorithms on small problems.
 *
 * @throws CoachmatchError of kind `invalidArgument` naming the size and what to use instead.
 */
function refuseOversized(problem: NormalizedProblem): void {
  const constraints = 2 * problem.rows + problem.cols;
  const tableauBytes = (constraints + 1) * (problem.colIndex.length + 1) * 8;
  if (constraints <= MOST_CONSTRAINTS && tableauBytes <= MOST_TABLEAU_BYTES) return;
  const size = `${problem.rows.toLocaleString('en-US')} rows × ${problem.cols.toLocaleString('en-US')} columns with ${problem.colIndex.length.toLocaleString('en-US')} pairs`;
  const need = tableauBytes > MOST_TABLEAU_BYTES ? `a dense tableau of about ${(tableauBytes / 1e9).toPrecision(2)} GB` : `${constraints.toLocaleString('en-US')} constraints`;
  throw new CoachmatchError('invalidArgument', `method "lp" checks the exact solvers on small problems; ${size} would need ${need} (at most ${(MOST_TABLEAU_BYTES / 1e9).toFixed(0)} GB and ${MOST_CONSTRAINTS.toLocaleString('en-US')} constraints): use method "auto"`);
}

/**
 * Solves the problem as a linear program with `javascript-lp-solver`: slow, but built from
 * {@link buildLpModel}, so it is an independent check of the exact algorithms and the place
 * where side constraints can be tried.
 *
 * Nothing the LP solver returns is trusted: the answer must be integral (within 1e-6) and
 * keep every constraint, or the model is solved again as a 0/1 program; the objective is
 * recomputed from the weights; optimality is certified by {@link optimalityDuals}, which
 * also provides the duals. With `allowUnmatched` it solves twice: first the largest number ν
 * of placeable rows (checked: no augmenting path remains), then the best total with exactly
 * ν rows placed. An infeasible verdict is explained by the shared diagnosis.
 *
 * @throws CoachmatchError of kind `internal` if the LP solver's answer cannot be verified,
 *   `invalidArgument` if the problem is too large for it (see refuseOversized).
 */
export function solveWithLp(problem: NormalizedProblem): AssignmentResult {
  refuseOversized(problem);
  const model = scaleWeights(buildLpModel(problem), problem);
  let target = model;
  let placed = -1;
  if (problem.allowUnmatched) {
    const most = solveIntegral({ ...model, optimize: LP_MATCHED, opType: 'max' }, problem, -1);
    if (most === null) return infeasible(problem);
    if (!isMaximumCardinality(problem, most)) fail('returned a placement with fewer rows than possible');
    placed = countPlaced(most);
    target = { ...model, constraints: { ...model.constraints, [LP_MATCHED]: { equal: placed } } };
  }
  const rowCol = solveIntegral(target, problem, placed);
  if (rowCol === null) {
    if (placed >= 0) fail(`found ${placed} placeable rows, then no placement of ${placed} rows`);
    return infeasible(problem);
  }
  const duals = optimalityDuals(problem, rowCol);
  if (duals === null) fail('returned an assignment that is not optimal');
  return buildResult(problem, 'lp', rowCol, duals.rowDual, duals.colDual);
}

/**
 * Multiplies every pair's weight in `model` by a power of two (exact) so that the largest is
 * within a factor 2 of 2^{@link LP_WEIGHT_EXPONENT}, whatever its scale: a factor capped at
 * 10^12 left weights of 1e-30 at 1e-18, all zero to the LP solver.
 */
function scaleWeights(model: LpModel, problem: NormalizedProblem): LpModel {
  // The largest |weight| is the largest |cost|.
  const exponent = exponentToward(problem.largestCost, LP_WEIGHT_EXPONENT);
  for (const coefficients of Object.values(model.variables)) {
    const w = coefficients[LP_WEIGHT];
    if (w !== undefined) coefficients[LP_WEIGHT] = timesPowerOfTwo(w, exponent);
  }
  return model;
}


type LpOutcome = { readonly kind: 'solved'; readonly rowCol: Int32Array } | { readonly kind: 'infeasible' | 'unusable' };

/**
 * Solves the relaxation; if its answer is fractional or breaks a constraint, solves again
 * with every variable binary. Returns the column of each row (-1: unplaced), or null when
 * infeasible.
 */
function solveIntegral(model: LpModel, problem: NormalizedProblem, placed: number): Int32Array | null {
  const relaxed = runLp(model, problem, placed);
  if (relaxed.kind === 'solved') return relaxed.rowCol;
  if (relaxed.kind === 'infeasible') return null;
  const binaries = Object.fromEntries(Object.keys(model.variables).map((name) => [name, 1 as const]));
  const exact = runLp({ ...model, binaries }, problem, placed);
  if (exact.kind === 'solved') return exact.rowCol;
  return fail(exact.kind === 'infeasible'
    ? 'called a problem infeasible after finding a fractional solution of it'
    : 'returned a fractional or constraint-violating answer even as a 0/1 program');
}

function runLp(model: LpModel, problem: NormalizedProblem, placed: number): LpOutcome {
  const raw = solver.Solve(model) as Record<string, unknown> & { feasible?: unknown; bounded?: unknown };
  if (raw.feasible !== true) return { kind: 'infeasible' };
  if (raw.bounded === false) return { kind: 'unusable' };
  const { rows, cols, rowStart, colIndex, capacity, minLoad, allowUnmatched } = problem;
  const rowCol = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      const value = raw[lpPairVariable(i, j)] ?? 0;
      if (typeof value !== 'number') return { kind: 'unusable' };
      if (Math.abs(value) <= INTEGRALITY_TOLERANCE) continue;
      if (Math.abs(value - 1) > INTEGRALITY_TOLERANCE || rowCol[i]! >= 0) return { kind: 'unusable' };
      rowCol[i] = j;
      load[j]!++;
      count++;
    }
    if (!allowUnmatched && rowCol[i]! < 0) return { kind: 'unusable' };
  }
  for (let j = 0; j < cols; j++) {
    if (load[j]! > capacity[j]! || load[j]! < minLoad[j]!) return { kind: 'unusable' };
  }
  if (placed >= 0 && count !== placed) return { kind: 'unusable' };
  return { kind: 'solved', rowCol };
}

/** Berge: a placement is of maximum size iff no alternating path reaches a non-full column. */
function isMaximumCardinality(problem: NormalizedProblem, rowCol: Int32Array): boolean {
  const { rows, cols, rowStart, colIndex, capacity } = problem;
  const load = new Int32Array(cols);
  const members: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) {
    const j = rowCol[i]!;
    if (j >= 0) {
      load[j]!++;
      members[j]!.push(i);
    }
  }
  const seenRow = new Uint8Array(rows);
  const seenCol = new Uint8Array(cols);
  const queue: number[] = [];
  for (let i = 0; i < rows; i++) if (rowCol[i]! < 0) {
    seenRow[i] = 1;
    queue.push(i);
  }
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q]!;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      const j = colIndex[k]!;
      if (seenCol[j]) continue;
      seenCol[j] = 1;
      if (load[j]! < capacity[j]!) return false;
      for (const m of members[j]!) if (!seenRow[m]) {
        seenRow[m] = 1;
        queue.push(m);
      }
    }
  }
  return true;
}

function countPlaced(rowCol: Int32Array): number {
  let count = 0;
  for (const j of rowCol) if (j >= 0) count++;
  return count;
}

function infeasible(problem: NormalizedProblem): AssignmentResult {
  const diagnosis: Diagnosis[] = problem.allowUnmatched ? [] : diagnosePlacement(problem);
  const simple = diagnoseMinLoads(problem, null);
  if (simple.length > 0) diagnosis.push(...simple);
  else if (problem.minLoad.some((m) => m > 0)) diagnosis.push(...diagnoseMinLoads(problem, minLoadDeficit(problem)));
  if (diagnosis.length === 0) fail('called a problem infeasible for which no reason can be found');
  return infeasibleResult(problem, 'lp', diagnosis);
}

/**
 * How far each column stays below its minimum load in a placement that fills minimum loads
 * as far as possible (rows placed at most once, capacities kept): an LP whose reward for
 * column j is capped at `minLoad[j]`.
 */
function minLoadDeficit(problem: NormalizedProblem): Int32Array {
  const model = buildLpModel({ ...problem, allowUnmatched: true });
  const reward = 'minLoadReached';
  for (let j = 0; j < problem.cols; j++) {
    const reached = `reach_${j}`;
    const below = `reachBelowLoad_${j}`;
    model.constraints[`reachCap_${j}`] = { max: problem.minLoad[j]! };
    model.constraints[below] = { max: 0 };
    model.variables[reached] = { [reward]: 1, [`reachCap_${j}`]: 1, [below]: 1 };
  }
  for (let i = 0; i < problem.rows; i++) {
    for (let k = problem.rowStart[i]!; k < problem.rowStart[i + 1]!; k++) {
      const j = problem.colIndex[k]!;
      model.variables[lpPairVariable(i, j)]![`reachBelowLoad_${j}`] = -1;
    }
  }
  const raw = solver.Solve({ ...model, optimize: reward, opType: 'max' }) as Record<string, unknown>;
  const deficit = new Int32Array(problem.cols);
  for (let j = 0; j < problem.cols; j++) {
    const value = raw[`reach_${j}`];
    deficit[j] = problem.minLoad[j]! - Math.round(typeof value === 'number' ? value : 0);
  }
  return deficit;
}

function fail(what: string): never {
  throw new CoachmatchError('internal', `javascript-lp-solver ${what}`);
}

