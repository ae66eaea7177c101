import { z } from 'zod';
import { CoachmatchError, type InputIssue } from '../errors.js';
import { describeValue } from '../text/describeValue.js';
import { normalizeProblem } from '../solver/normalizeProblem.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import { pairWeight } from '../solver/buildResult.js';
import { solveNormalized } from '../solver/solveAssignment.js';
import { roundingUnit } from '../solver/roundingUnit.js';
import type { AssignmentProblem } from '../solver/types.js';
import type { ConstrainedAssignment, ConstrainedResult } from './constrainedResult.js';
import { expandQuotas, isHopeless, type ExpandedQuota } from './expandQuotas.js';
import { findQuotaConflict } from './findQuotaConflict.js';
import { lpSolverBackend } from './lpSolverBackend.js';
import type { QuotaBackend, SolveLimits } from './quotaBackend.js';
import type { QuotaInstanceOutcome, QuotaReport, SideConstraint } from './sideConstraint.js';
import { countChosen, meets, solveQuotaMip } from './solveQuotaMip.js';
import { optionsWithDefaults } from '../model/optionsWithDefaults.js';

/** Options of {@link solveWithSideConstraints}. */
export interface SideConstraintOptions {
  /**
   * Price every quota by solving once more without it (one extra 0/1 solve per quota), so the
   * report says which quotas bind. Default true.
   */
  readonly priceQuotas: boolean;
  /**
   * The 0/1 solver: {@link lpSolverBackend} (default: synchronous, pure JavaScript) or the
   * HiGHS backend from `await loadHighsBackend()` (several times faster from a few hundred
   * coachees on; see bench/QUOTAS.md).
   */
  readonly backend: QuotaBackend;
  /**
   * Wall-clock limit per 0/1 solve, in seconds (default `Infinity`: none). A solve that hits
   * it makes the result `feasible` (checked, not proved best) or `unknown`, never `optimal`.
   */
  readonly timeLimitSeconds: number;
}

/** Defaults for {@link solveWithSideConstraints}. */
export const defaultSideConstraintOptions: SideConstraintOptions = { priceQuotas: true, backend: lpSolverBackend, timeLimitSeconds: Infinity };

const sideConstraintOptionsSchema = z.strictObject({
  priceQuotas: z.boolean().optional(),
  backend: z
    .custom<QuotaBackend>((b) => typeof b === 'object' && b !== null && typeof (b as QuotaBackend).name === 'string' && typeof (b as QuotaBackend).solve === 'function', {
      error: 'expected a quota backend (lpSolverBackend or await loadHighsBackend())',
    })
    .optional(),
  // Infinity (the default) means no limit; zod's number refuses it, so the check is by hand.
  timeLimitSeconds: z.custom<number>((t) => typeof t === 'number' && t > 0, { error: 'expected a number of seconds > 0, or Infinity for none' }).optional(),
});

/**
 * The options with their defaults (an option given as undefined gets its default).
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option at `$.<name>`.
 */
function sideConstraintSettings(options: unknown): SideConstraintOptions {
  return optionsWithDefaults(sideConstraintOptionsSchema, options, defaultSideConstraintOptions, 'side-constraint options');
}

/** The constraints must be a list of objects (each then checked by expandQuotas). */
function checkConstraintList(constraints: unknown): void {
  const issues: InputIssue[] = [];
  if (!Array.isArray(constraints)) issues.push({ path: '$.sideConstraints', message: 'expected a list of side constraints' });
  else {
    for (let n = 0; n < constraints.length; n++) {
      const c: unknown = constraints[n];
      if (typeof c !== 'object' || c === null || Array.isArray(c)) issues.push({ path: `$.sideConstraints[${n}]`, message: `expected a side constraint, got ${describeValue(c)}` });
    }
  }
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid side constraints', issues.slice(0, 50), issues.length);
}

/** A stage's verified answer; `proved` is false when a time limit cut a solve short. */
type Staged = { readonly status: 'solved'; readonly rowCol: Int32Array; readonly proved: boolean } | { readonly status: 'infeasible' | 'unknown' };

/**
 * Solves an assignment problem with quotas on pairs as a 0/1 program, with the engine's
 * semantics: every row placed unless `allowUnmatched`, and then first the most rows, then
 * the best total.
 *
 * @remarks
 * The model has one variable per allowed pair only (bans pruned) and one constraint per
 * quota instance that can bind at all. Quotas break the assignment polytope's integrality,
 * so variables are binary; every answer is checked (integral, all constraints and quotas
 * kept, objective recomputed from the weights) before it is returned. Optimality is the
 * backend's proof (branch and bound with no gap): no dual certificate exists for a 0/1
 * program. The plain problem is solved first (exact flow): when its optimum keeps every quota
 * it is the answer, with no 0/1 solve (nor the backends' absolute tolerances, which miss
 * differences below about 1e-13 of the largest weight). With `allowUnmatched`, the most rows the plain problem can place is
 * tried first as the placed count; only when the quotas make that impossible is the most
 * rows found by a 0/1 solve of its own.
 * When infeasible, the result says whether the problem is infeasible without any quota (the
 * solver's diagnosis) or names an irreducible set of clashing quota instances.
 *
 * @throws CoachmatchError of kind `invalidProblem` for a malformed problem or quota (the
 * constraints not a list, or a hole in it, at `$.sideConstraints`); `invalidArgument` for a bad
 * option at `$.<name>` (priceQuotas a boolean, backend one with a name and a solve function,
 * timeLimitSeconds a number > 0 or Infinity); an option given as undefined gets its default.
 *
 * @example
 * ```ts
 * const result = solveWithSideConstraints(
 *   { weights: [[5, 1], [4, 3]] },
 *   [{ name: 'row0OnCol1', per: 'total', pairs: [[0, 1]], min: 1 }],
 *   { backend: await loadHighsBackend() },
 * );
 * // assignment [1, 0], objective 5; quotas[0].binding === true (cost 3)
 * ```
 */
export function solveWithSideConstraints(
  problem: AssignmentProblem,
  constraints: readonly SideConstraint[],
  options: Partial<SideConstraintOptions> = {},
): ConstrainedResult {
  const { priceQuotas, backend, timeLimitSeconds } = sideConstraintSettings(options);
  checkConstraintList(constraints);
  const limits: SolveLimits = { timeLimitSeconds };
  const p = normalizeProblem(problem);
  const quotas = expandQuotas(p, constraints);
  const plain = plainOptimum(p);
  if (plain === null) {
    const base = solveNormalized(p, 'flow');
    const diagnosis = base.status === 'infeasible' ? base.diagnosis : [];
    return { status: 'infeasible', cause: 'problem', diagnosis, conflict: [], irreducible: true, message: 'infeasible even without quotas', backend: backend.name };
  }
  const best = solveWith(p, quotas, plain, backend, limits);
  if (best.status !== 'solved') {
    if (best.status === 'infeasible') return quotaConflict(p, quotas, backend, limits);
    return { status: 'unknown', reason: 'timeLimit', message: `${backend.name} found no assignment within ${timeLimitSeconds} s`, backend: backend.name };
  }
  const { rowCol, proved } = best;
  const objective = total(p, rowCol);
  const matched = placedCount(rowCol);
  const instances: QuotaInstanceOutcome[] = quotas.map((q) => {
    const count = countChosen(p, q, rowCol);
    // A weighted count (a share) sums fractions: "at the bound" allows the float noise meets() does.
    const slack = 1e-9 * (1 + q.highest - q.lowest);
    const at = (bound: number) => Math.abs(count - bound) <= slack;
    const tight = (q.instance.min !== null && q.instance.min > q.lowest && at(q.instance.min)) || (q.instance.max !== null && q.instance.max < q.highest && at(q.instance.max));
    return { ...q.instance, count, tight };
  });
  // Priced once per group (see SideConstraint.group): a constraint without one is its own group.
  const groupOf = (n: number): string => (constraints[n]!.group === undefined ? `#${n}` : `group ${constraints[n]!.group}`);
  const prices = new Map<string, Omit<QuotaReport, 'name' | 'tight' | 'instances'>>();
  const priceGroup = (group: string): Omit<QuotaReport, 'name' | 'tight' | 'instances'> => {
    const known = prices.get(group);
    if (known !== undefined) return known;
    const inGroup = (q: ExpandedQuota) => groupOf(q.quota) === group;
    const price = ((): Omit<QuotaReport, 'name' | 'tight' | 'instances'> => {
      if (!quotas.some(inGroup)) return { cost: 0, rowsLost: 0, binding: false };
      const freed = priceQuotas && proved ? solveWith(p, quotas.filter((q) => !inGroup(q)), plain, backend, limits) : null;
      if (freed === null || freed.status !== 'solved' || !freed.proved) return { cost: null, rowsLost: null, binding: null };
      const rowsLost = placedCount(freed.rowCol) - matched;
      const gain = p.sense === 'max' ? total(p, freed.rowCol) - objective : objective - total(p, freed.rowCol);
      // What the 0/1 backends can tell apart: their tolerances are absolute on the largest weight
      // (HiGHS was 1.7e-13 of it off). Relative to the total instead, a quota costing 0.0011 of
      // 1.3e6 read as not binding, beside that cost (hunt I). A gain within it is measured, but
      // whether the quota binds is not known: either optimum may be that far off.
      const tolerance = 1e-10 * (roundingUnit(p.largestCost) + p.largestCost);
      if (rowsLost > 0) return { cost: null, rowsLost, binding: true };
      return { cost: Math.max(0, gain), rowsLost, binding: gain > tolerance ? true : gain > 0 ? null : false };
    })();
    prices.set(group, price);
    return price;
  };
  const reports: QuotaReport[] = constraints.map((c, n) => {
    const own = quotas.filter((q) => q.quota === n);
    const tight = own.filter((q) => instances[quotas.indexOf(q)]!.tight).length;
    return { name: c.name, tight, instances: own.length, ...priceGroup(groupOf(n)) };
  });
  const loads = new Array<number>(p.cols).fill(0);
  for (const j of rowCol) if (j >= 0) loads[j]!++;
  const body: ConstrainedAssignment = {
    assignment: Array.from(rowCol, (j) => (j >= 0 ? j : null)),
    loads,
    matched,
    objective,
    quotas: reports,
    instances,
    backend: backend.name,
  };
  return proved ? { status: 'optimal', ...body } : { status: 'feasible', reason: 'timeLimit', ...body };
}

/** The most rows the problem places without quotas (exact flow), or null when it is infeasible. */
/** The plain problem's optimum (exact flow): the most rows it places, and which pairs; null when infeasible. */
function plainOptimum(p: NormalizedProblem): { readonly matched: number; readonly rowCol: Int32Array } | null {
  const base = solveNormalized(p, 'flow');
  if (base.status !== 'optimal') return null;
  return { matched: base.matched, rowCol: Int32Array.from(base.assignment, (j) => j ?? -1) };
}

/**
 * Most rows (when rows may stay unplaced), then the best total. The plain problem's most rows
 * is an upper bound, so when that many can be placed with the quotas it is the most.
 */
function solveWith(p: NormalizedProblem, quotas: readonly ExpandedQuota[], plain: { readonly matched: number; readonly rowCol: Int32Array }, backend: QuotaBackend, limits: SolveLimits): Staged {
  if (quotas.some(isHopeless)) return { status: 'infeasible' };
  // The plain optimum keeping every quota is the optimum with them (it is best over more): exact,
  // where the 0/1 backends' absolute tolerances can miss differences below about 1e-13 of the
  // largest weight (HiGHS called a total 2.6e-6 optimal where 9e-7 is, beside a weight of 1e7).
  if (quotas.every((q) => meets(q, countChosen(p, q, plain.rowCol)))) return { status: 'solved', rowCol: plain.rowCol, proved: true };
  const plainMost = plain.matched;
  if (!p.allowUnmatched) return staged(solveQuotaMip(p, quotas, { kind: 'bestTotal', placed: null }, backend, limits), true);
  const atMost = solveQuotaMip(p, quotas, { kind: 'bestTotal', placed: plainMost }, backend, limits);
  if (atMost.status !== 'infeasible') return staged(atMost, true);
  const most = solveQuotaMip(p, quotas, { kind: 'mostRows' }, backend, limits);
  if (most.status === 'infeasible') return { status: 'infeasible' };
  if (most.rowCol === null) return { status: 'unknown' };
  const placed = placedCount(most.rowCol);
  const then = staged(solveQuotaMip(p, quotas, { kind: 'bestTotal', placed }, backend, limits), most.status === 'optimal');
  // The incumbent of the first stage still stands when the second finds nothing in time.
  return then.status === 'solved' ? then : { status: 'solved', rowCol: most.rowCol, proved: false };
}

function staged(outcome: ReturnType<typeof solveQuotaMip>, provedBefore: boolean): Staged {
  if (outcome.status === 'infeasible') return { status: 'infeasible' };
  if (outcome.rowCol === null) return { status: 'unknown' };
  return { status: 'solved', rowCol: outcome.rowCol, proved: provedBefore && outcome.status === 'optimal' };
}

function placedCount(rowCol: Int32Array): number {
  let n = 0;
  for (const j of rowCol) if (j >= 0) n++;
  return n;
}

function total(p: NormalizedProblem, rowCol: Int32Array): number {
  let sum = 0;
  rowCol.forEach((j, i) => {
    if (j >= 0) sum += pairWeight(p, i, j);
  });
  return sum;
}

function quotaConflict(p: NormalizedProblem, quotas: readonly ExpandedQuota[], backend: QuotaBackend, limits: SolveLimits): ConstrainedResult {
  const { instances, irreducible } = findQuotaConflict(p, quotas, backend, limits);
  const conflict = instances.map((q) => q.instance);
  const names = conflict.map((c) => (c.row !== null ? `${c.name} (row ${c.row})` : c.col !== null ? `${c.name} (column ${c.col})` : c.name));
  return {
    status: 'infeasible',
    cause: 'quotas',
    diagnosis: [],
    conflict,
    irreducible,
    message: conflict.length === 1 ? `${names[0]} cannot be met` : `these quotas cannot all be met together: ${names.join(', ')}`,
    backend: backend.name,
  };
}
