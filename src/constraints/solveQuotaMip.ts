import { CoachmatchError } from '../errors.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import { buildQuotaProgram, type QuotaGoal } from './buildQuotaProgram.js';
import type { ExpandedQuota } from './expandQuotas.js';
import type { QuotaBackend, SolveLimits } from './quotaBackend.js';

export type { QuotaGoal } from './buildQuotaProgram.js';

/** A value this close to 0 or 1 counts as 0 or 1. */
const INTEGRALITY_TOLERANCE = 1e-6;

/**
 * The verified outcome of one quota solve: `rowCol[i]` is the column of row i (-1: unplaced).
 * `optimal` only when the backend proved it; `timeLimit` carries a checked incumbent, if any.
 */
export type QuotaMipOutcome =
  | { readonly status: 'optimal'; readonly rowCol: Int32Array }
  | { readonly status: 'infeasible' }
  | { readonly status: 'timeLimit'; readonly rowCol: Int32Array | null };

/**
 * Solves the assignment with quota instances as a 0/1 program on `backend` and verifies any
 * answer before returning it: integral, each row placed at most once (exactly once unless
 * `allowUnmatched`), capacities, minimum loads and every quota kept, and the placed count as
 * required.
 *
 * @throws CoachmatchError of kind `internal` when the backend's answer breaks a constraint.
 */
export function solveQuotaMip(
  problem: NormalizedProblem,
  quotas: readonly ExpandedQuota[],
  goal: QuotaGoal,
  backend: QuotaBackend,
  limits: SolveLimits,
): QuotaMipOutcome {
  const outcome = backend.solve(buildQuotaProgram(problem, quotas, goal), limits);
  if (outcome.status === 'infeasible') return outcome;
  if (outcome.values === null) return { status: outcome.status, rowCol: null } as QuotaMipOutcome;
  const rowCol = new Int32Array(problem.rows).fill(-1);
  const fail = (what: string): never => {
    throw new CoachmatchError('internal', `${backend.name} ${what}`);
  };
  for (let i = 0; i < problem.rows; i++) {
    for (let k = problem.rowStart[i]!; k < problem.rowStart[i + 1]!; k++) {
      const v = outcome.values[k]!;
      if (!(Math.abs(v) <= INTEGRALITY_TOLERANCE || Math.abs(v - 1) <= INTEGRALITY_TOLERANCE)) fail(`returned a fractional value ${v} for a 0/1 pair`);
      if (v < 0.5) continue;
      if (rowCol[i]! >= 0) fail(`placed row ${i} twice`);
      rowCol[i] = problem.colIndex[k]!;
    }
  }
  const broken = violation(problem, quotas, rowCol, goal);
  if (broken !== null) fail(`returned an answer that breaks ${broken}`);
  return { status: outcome.status, rowCol };
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
  for (const q of quotas) if (!meets(q, countChosen(problem, q, rowCol))) return `quota ${q.instance.name}`;
  return null;
}

/** Whether a count lies within the instance's bounds, allowing float noise on weighted counts. */
export function meets(q: ExpandedQuota, count: number): boolean {
  const slack = 1e-9 * (1 + q.highest - q.lowest);
  return (q.instance.min === null || count >= q.instance.min - slack) && (q.instance.max === null || count <= q.instance.max + slack);
}

/** The (weighted) count of the instance's pairs the assignment chooses. */
export function countChosen(problem: NormalizedProblem, q: ExpandedQuota, rowCol: Int32Array): number {
  let count = 0;
  q.pairs.forEach((k, m) => {
    if (rowCol[rowOf(problem, k)] === problem.colIndex[k]) count += q.coefficients[m]!;
  });
  return count;
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
