import { buildFeatureTables } from '../features/buildFeatureTables.js';
import type { FeatureTables } from '../features/featureTables.js';
import type { PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';
import type { RelationIndex } from '../policies/relationIndex.js';
import { combinePolicies, type CombinedProblem } from '../engine/combinePolicies.js';

/** What the policies make of a set of pairs. */
export interface EvaluatedPairs {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
}

/** Features and policies on the given pairs only: what the dense engine computes, restricted. */
export function evaluatePairs(
  cohort: Cohort,
  settings: PolicySettings,
  policies: readonly Policy[],
  relations: RelationIndex,
  pairs: PairSet,
): EvaluatedPairs {
  const features = buildFeatureTables(cohort, pairs);
  const context = { cohort, features, settings, relations };
  const combined = combinePolicies(pairs.rows, pairs.cols, policies.map((p) => p.apply(context)), pairs);
  return { features, combined };
}

/**
 * The solver weight of each pair of `combined` (priority-weighted utility), or NaN when the
 * pair is banned.
 */
export function solverWeights(combined: CombinedProblem): Float64Array {
  const { pairs, utility, rowMultiplier, bans, cols } = combined;
  const out = new Float64Array(pairs.size);
  for (let i = 0; i < pairs.rows; i++) {
    const factor = rowMultiplier[i]!;
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
      out[p] = bans.has(i * cols + pairs.colIndex[p]!) ? NaN : factor * utility[p]!;
    }
  }
  return out;
}
