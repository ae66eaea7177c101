import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import type { ExpandedQuota } from './expandQuotas.js';
import { solveQuotaMip } from './solveQuotaMip.js';

/**
 * An irreducible set of quota instances that cannot be met together, for a problem that is
 * feasible without them: drop any one and the rest can be met.
 *
 * @remarks Deletion filter, first over whole quotas and then over the instances of the
 * quotas that remain: an instance is dropped for good when the others are still infeasible
 * without it. An instance with fewer allowed pairs than its minimum is a conflict on its own
 * and is returned without solving. Each test is one 0/1 feasibility solve.
 */
export function findQuotaConflict(problem: NormalizedProblem, quotas: readonly ExpandedQuota[]): ExpandedQuota[] {
  const hopeless = quotas.find((q) => q.pairs.length < q.instance.min);
  if (hopeless !== undefined) return [hopeless];
  const feasible = (set: readonly ExpandedQuota[]) => solveQuotaMip(problem, set, { kind: 'mostRows' }) !== null;
  let kept = [...quotas];
  for (const quota of [...new Set(quotas.map((q) => q.quota))]) {
    const without = kept.filter((q) => q.quota !== quota);
    if (!feasible(without)) kept = without;
  }
  for (const instance of [...kept]) {
    const without = kept.filter((q) => q !== instance);
    if (!feasible(without)) kept = without;
  }
  return kept;
}
