import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import { isHopeless, type ExpandedQuota } from './expandQuotas.js';
import type { QuotaBackend, SolveLimits } from './quotaBackend.js';
import { solveQuotaMip } from './solveQuotaMip.js';

/** A set of quota instances that cannot be met together, and whether it is proved minimal. */
export interface QuotaConflict {
  readonly instances: ExpandedQuota[];
  /** False when a solve hit the time limit, so an instance was kept without proof it is needed. */
  readonly irreducible: boolean;
}

/**
 * An irreducible set of quota instances that cannot be met together, for a problem that is
 * feasible without them: drop any one and the rest can be met.
 *
 * @remarks Deletion filter, first over whole quotas and then over the instances of the
 * quotas that remain: an instance is dropped for good when the others are still proved
 * infeasible without it. An instance no choice of pairs can meet is a conflict on its own
 * and is returned without solving. Each test is one 0/1 feasibility solve; one that hits the
 * time limit keeps the instance, so the set stays infeasible but may not be minimal.
 */
export function findQuotaConflict(problem: NormalizedProblem, quotas: readonly ExpandedQuota[], backend: QuotaBackend, limits: SolveLimits): QuotaConflict {
  const hopeless = quotas.find(isHopeless);
  if (hopeless !== undefined) return { instances: [hopeless], irreducible: true };
  let irreducible = true;
  const provedInfeasible = (set: readonly ExpandedQuota[]) => {
    const outcome = solveQuotaMip(problem, set, { kind: 'mostRows' }, backend, limits);
    if (outcome.status === 'timeLimit' && outcome.rowCol === null) irreducible = false;
    return outcome.status === 'infeasible';
  };
  let kept = [...quotas];
  for (const quota of [...new Set(quotas.map((q) => q.quota))]) {
    const without = kept.filter((q) => q.quota !== quota);
    if (provedInfeasible(without)) kept = without;
  }
  for (const instance of [...kept]) {
    const without = kept.filter((q) => q !== instance);
    if (provedInfeasible(without)) kept = without;
  }
  return { instances: kept, irreducible };
}
