import lpSolver, { type SolverAPI } from 'javascript-lp-solver';
import { CoachmatchError } from '../errors.js';
import { buildLpModel, LP_MATCHED, LP_WEIGHT, lpPairVariable, type LpModel } from '../solver/buildLpModel.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import type { ExpandedQuota } from './expandQuotas.js';

// The package's declarations are typed as CommonJS while Node's ESM loader hands over the
// solver itself; accept both (as the solver's LP backend does).
const imported: unknown = lpSolver;
const solver = (
  (imported as { Solve?: unknown }).Solve !== undefined ? imported : (imported as { default: unknown }).default
) as SolverAPI;

/** A value this close to 0 or 1 counts as 0 or 1. */
const INTEGRALITY_TOLERANCE = 1e-6;
/** Largest scaled weight: see the LP backend; keeps reduced costs above the solver's epsilon. */
const WEIGHT_SCALE_TARGET = 1e6;

/** What to optimise: the number of placed rows, or the total weight with exactly `placed` rows. */
export type QuotaGoal = { readonly kind: 'mostRows' } | { readonly kind: 'bestTotal'; readonly placed: number | null };

/**
 * Solves the assignment with quota instances as a 0/1 program with javascript-lp-solver and
 * verifies the answer before returning it: integral, each row placed at most once (exactly
 * once unless `allowUnmatched`), capacities, minimum loads and every quota kept, and the
 * placed count as required. Returns the column of each row (-1: unplaced), or null when the
 * solver finds no feasible point.
 *
 * @throws CoachmatchError of kind `internal` when the solver's answer breaks a constraint.
 */
export function solveQuotaMip(problem: NormalizedProblem, quotas: readonly ExpandedQuota[], goal: QuotaGoal): Int32Array | null {
  const model = buildModel(problem, quotas, goal);
  const raw = solver.Solve(model) as Record<string, unknown> & { feasible?: unknown };
  if (raw.feasible !== true) return null;
  const rowCol = new Int32Array(problem.rows).fill(-1);
  for (let i = 0; i < problem.rows; i++) {
    for (let k = problem.rowStart[i]!; k < problem.rowStart[i + 1]!; k++) {
      const value = raw[lpPairVariable(i, problem.colIndex[k]!)] ?? 0;
      if (typeof value !== 'number' || (Math.abs(value) > INTEGRALITY_TOLERANCE && Math.abs(value - 1) > INTEGRALITY_TOLERANCE)) {
        fail(`returned a fractional value ${String(value)} for a 0/1 pair`);
      }
      if (value < 0.5) continue;
      if (rowCol[i]! >= 0) fail(`placed row ${i} twice`);
      rowCol[i] = problem.colIndex[k]!;
    }
  }
  const broken = violation(problem, quotas, rowCol, goal);
  if (broken !== null) fail(`returned an answer that breaks ${broken}`);
  return rowCol;
}

function fail(what: string): never {
  throw new CoachmatchError('internal', `javascript-lp-solver ${what}`);
}

function buildModel(problem: NormalizedProblem, quotas: readonly ExpandedQuota[], goal: QuotaGoal): LpModel {
  const model = buildLpModel(problem);
  let largest = 0;
  for (const w of problem.weight) largest = Math.max(largest, Math.abs(w));
  const factor = largest === 0 ? 1 : Math.min(WEIGHT_SCALE_TARGET / largest, 1e12);
  const binaries: Record<string, 1> = {};
  for (const [name, coefficients] of Object.entries(model.variables)) {
    binaries[name] = 1;
    const w = coefficients[LP_WEIGHT];
    if (w !== undefined) coefficients[LP_WEIGHT] = w * factor;
  }
  quotas.forEach((q, n) => {
    const name = `quota_${n}`;
    model.constraints[name] = q.instance.max === null ? { min: q.instance.min } : { min: q.instance.min, max: q.instance.max };
    for (const k of q.pairs) {
      const i = rowOf(problem, k);
      model.variables[lpPairVariable(i, problem.colIndex[k]!)]![name] = 1;
    }
  });
  if (goal.kind === 'mostRows') return { ...model, optimize: LP_MATCHED, opType: 'max', binaries };
  if (goal.placed !== null) model.constraints[LP_MATCHED] = { equal: goal.placed };
  return { ...model, binaries };
}

function rowOf(problem: NormalizedProblem, k: number): number {
  let lo = 0;
  let hi = problem.rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (problem.rowStart[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first constraint the assignment breaks, in words, or null. */
function violation(problem: NormalizedProblem, quotas: readonly ExpandedQuota[], rowCol: Int32Array, goal: QuotaGoal): string | null {
  const load = new Int32Array(problem.cols);
  let placed = 0;
  for (let i = 0; i < problem.rows; i++) {
    if (rowCol[i]! >= 0) {
      load[rowCol[i]!]!++;
      placed++;
    } else if (!problem.allowUnmatched) return `row ${i} left unplaced`;
  }
  for (let j = 0; j < problem.cols; j++) {
    if (load[j]! > problem.capacity[j]! || load[j]! < problem.minLoad[j]!) return `the load bounds of column ${j}`;
  }
  if (goal.kind === 'bestTotal' && goal.placed !== null && placed !== goal.placed) return `the placed count ${goal.placed}`;
  for (const q of quotas) {
    const count = countChosen(problem, q.pairs, rowCol);
    if (count < q.instance.min || (q.instance.max !== null && count > q.instance.max)) return `quota ${q.instance.name}`;
  }
  return null;
}

/** How many of the pairs (CSR positions) the assignment chooses. */
export function countChosen(problem: NormalizedProblem, pairs: Int32Array, rowCol: Int32Array): number {
  let count = 0;
  for (const k of pairs) if (rowCol[rowOf(problem, k)] === problem.colIndex[k]) count++;
  return count;
}
