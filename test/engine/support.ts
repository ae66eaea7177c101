/**
 * Shared material for the engine tests: the policies' combined problem recomputed outside
 * `match`, and small readers of a matching.
 */
import { buildFeatureTables } from '../../src/features/buildFeatureTables.js';
import type { FeatureTables } from '../../src/features/featureTables.js';
import { combinePolicies, type CombinedProblem } from '../../src/engine/combinePolicies.js';
import type { Matching } from '../../src/engine/matching.js';
import type { Cohort } from '../../src/model/cohort.js';
import type { PolicyInput, PolicySettings } from '../../src/model/policySettings.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';

/** Features, settings and the policies' combined problem for a cohort, as `match` builds them. */
export interface Recomputed {
  readonly features: FeatureTables;
  readonly settings: PolicySettings;
  readonly combined: CombinedProblem;
}

/** Recomputes what the policies say about a cohort under `policy` overrides. */
export function recompute(cohort: Cohort, policy?: PolicyInput, policies: readonly Policy[] = defaultPolicies): Recomputed {
  const features = buildFeatureTables(cohort);
  const settings = resolvePolicy(cohort.policy, policy);
  const context = { cohort, features, settings, relations: buildRelationIndex(cohort) };
  const combined = combinePolicies(features.coacheeIds.length, features.coachIds.length, policies.map((p) => p.apply(context)));
  return { features, settings, combined };
}

/** coachee id → coach id (or null) of a matching. */
export function assignmentOf(matching: Matching): Map<string, string | null> {
  return new Map(matching.coachees.map((c) => [c.coacheeId, c.status === 'matched' ? c.coachId : null]));
}

/** True when two objectives agree up to the rounding of sums of fractional utilities. */
export function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
