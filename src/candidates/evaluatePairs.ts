import { priorityWeight } from '../policies/priorityWeight.js';
import { buildFeatureTables } from '../features/buildFeatureTables.js';
import type { FeatureTables } from '../features/featureTables.js';
import type { PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';
import type { RelationIndex } from '../policies/relationIndex.js';
import { combinePolicies, type CombinedProblem } from '../engine/combinePolicies.js';

/**
 * Pairs a candidate matching evaluates at once (selection and certificates). Each evaluation
 * allocates a dozen arrays of its pairs' size, and on the bench machine (a VM, 4 KB pages) a page
 * first touched costs ~11 µs: arrays small enough for the allocator to hand back the pages
 * it just freed save most of that. Selecting 10,000 rows of the 100,000 × 10,000 bench
 * cohort (k = 48, one thread, alternated, steady state): 1.07–1.12 s in chunks of 250,000
 * pairs, 1.13–1.19 s of 125,000, 1.24–1.34 s of 500,000, 1.19–1.29 s of 1,000,000, with 0–22,
 * 194–915, 1,892–6,639 and 908–1,339 page faults.
 */
export const EVALUATION_CHUNK_PAIRS = 250_000;

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
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) out[p] = priorityWeight(factor, utility[p]!);
  }
  if (bans.size <= pairs.size) {
    // Bans are few next to a chunk's pairs (4,034 against ~500,000 at 100,000 × 10,000): each
    // is looked up among its row's pairs, rather than every pair in the bans (~40 ns a pair).
    for (const key of bans.keys()) {
      const i = Math.floor(key / cols);
      const at = pairs.indexOf(i, key - i * cols);
      if (at >= 0) out[at] = Number.NaN;
    }
    return out;
  }
  for (let i = 0; i < pairs.rows; i++) {
    for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) if (bans.has(i * cols + pairs.colIndex[p]!)) out[p] = Number.NaN;
  }
  return out;
}
