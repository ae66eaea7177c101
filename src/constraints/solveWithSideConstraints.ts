import { normalizeProblem } from '../solver/normalizeProblem.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import { pairWeight } from '../solver/buildResult.js';
import { solveNormalized } from '../solver/solveAssignment.js';
import type { AssignmentProblem } from '../solver/types.js';
import type { ConstrainedResult } from './constrainedResult.js';
import { expandQuotas, type ExpandedQuota } from './expandQuotas.js';
import { findQuotaConflict } from './findQuotaConflict.js';
import type { QuotaInstanceOutcome, QuotaReport, SideConstraint } from './sideConstraint.js';
import { countChosen, solveQuotaMip } from './solveQuotaMip.js';

/** Options of {@link solveWithSideConstraints}. */
export interface SideConstraintOptions {
  /**
   * Price every quota by solving once more without it (one extra 0/1 solve per quota), so the
   * report says which quotas bind. Default true.
   */
  readonly priceQuotas: boolean;
}

/** Defaults for {@link solveWithSideConstraints}. */
export const defaultSideConstraintOptions: SideConstraintOptions = { priceQuotas: true };

/**
 * Solves an assignment problem with quotas on pairs through the LP backend
 * (javascript-lp-solver as a 0/1 program), with the engine's semantics: every row placed
 * unless `allowUnmatched`, and then first the most rows, then the best total.
 *
 * @remarks
 * The model has one variable per allowed pair only (bans pruned) and one constraint per
 * quota instance that can bind at all. Quotas break the assignment polytope's integrality,
 * so variables are declared binary; every answer is checked (integral, all constraints and
 * quotas kept, objective recomputed from the weights) before it is returned. Optimality is
 * the solver's branch and bound's word: no dual certificate exists for a 0/1 program.
 * When infeasible, the result says whether the problem is infeasible without any quota (the
 * solver's diagnosis) or names an irreducible set of clashing quota instances.
 *
 * @throws CoachmatchError of kind `invalidProblem` for a malformed problem or quota.
 *
 * @example
 * ```ts
 * const result = solveWithSideConstraints(
 *   { weights: [[5, 1], [4, 3]] },
 *   [{ name: 'row0OnCol1', per: 'total', pairs: [[0, 1]], min: 1 }],
 * );
 * // assignment [1, 0], objective 5; quotas[0].binding === true (cost 3)
 * ```
 */
export function solveWithSideConstraints(
  problem: AssignmentProblem,
  constraints: readonly SideConstraint[],
  options: Partial<SideConstraintOptions> = {},
): ConstrainedResult {
  const { priceQuotas } = { ...defaultSideConstraintOptions, ...options };
  const p = normalizeProblem(problem);
  const quotas = expandQuotas(p, constraints);
  const best = solveWith(p, quotas);
  if (best === null) return infeasible(p, quotas);
  const objective = total(p, best);
  const matched = best.reduce((n, j) => n + (j >= 0 ? 1 : 0), 0);
  const instances: QuotaInstanceOutcome[] = quotas.map((q) => {
    const count = countChosen(p, q.pairs, best);
    const tight = (q.instance.min > 0 && count === q.instance.min) || count === q.instance.max;
    return { ...q.instance, count, tight };
  });
  const reports: QuotaReport[] = constraints.map((c, n) => {
    const own = quotas.filter((q) => q.quota === n);
    const tight = own.filter((q) => instances[quotas.indexOf(q)]!.tight).length;
    if (!priceQuotas || own.length === 0) {
      return { name: c.name, tight, instances: own.length, cost: own.length === 0 ? 0 : null, rowsLost: own.length === 0 ? 0 : null, binding: own.length === 0 ? false : null };
    }
    const freed = solveWith(p, quotas.filter((q) => q.quota !== n))!;
    const rowsLost = freed.reduce((m, j) => m + (j >= 0 ? 1 : 0), 0) - matched;
    const gain = p.sense === 'max' ? total(p, freed) - objective : objective - total(p, freed);
    const tolerance = 1e-9 * (1 + Math.abs(objective));
    const cost = rowsLost > 0 ? null : Math.max(0, gain);
    return { name: c.name, tight, instances: own.length, cost, rowsLost, binding: rowsLost > 0 || gain > tolerance };
  });
  const loads = new Array<number>(p.cols).fill(0);
  for (const j of best) if (j >= 0) loads[j]!++;
  return {
    status: 'optimal',
    assignment: Array.from(best, (j) => (j >= 0 ? j : null)),
    loads,
    matched,
    objective,
    quotas: reports,
    instances,
  };
}

/** Most rows (when rows may stay unplaced), then the best total; null when infeasible. */
function solveWith(p: NormalizedProblem, quotas: readonly ExpandedQuota[]): Int32Array | null {
  if (quotas.some((q) => q.pairs.length < q.instance.min)) return null;
  let placed: number | null = null;
  if (p.allowUnmatched) {
    const most = solveQuotaMip(p, quotas, { kind: 'mostRows' });
    if (most === null) return null;
    placed = most.reduce((n, j) => n + (j >= 0 ? 1 : 0), 0);
  }
  return solveQuotaMip(p, quotas, { kind: 'bestTotal', placed });
}

function total(p: NormalizedProblem, rowCol: Int32Array): number {
  let sum = 0;
  rowCol.forEach((j, i) => {
    if (j >= 0) sum += pairWeight(p, i, j);
  });
  return sum;
}

function infeasible(p: NormalizedProblem, quotas: readonly ExpandedQuota[]): ConstrainedResult {
  const base = solveNormalized(p, 'flow');
  if (base.status === 'infeasible') {
    return { status: 'infeasible', cause: 'problem', diagnosis: base.diagnosis, conflict: [], message: 'infeasible even without quotas' };
  }
  const conflict = findQuotaConflict(p, quotas).map((q) => q.instance);
  const names = conflict.map((c) => (c.row !== null ? `${c.name} (row ${c.row})` : c.col !== null ? `${c.name} (column ${c.col})` : c.name));
  return {
    status: 'infeasible',
    cause: 'quotas',
    diagnosis: [],
    conflict,
    message: conflict.length === 1 ? `${names[0]} cannot be met` : `these quotas cannot all be met together: ${names.join(', ')}`,
  };
}
