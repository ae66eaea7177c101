import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';
import { buildRelationIndex } from '../policies/relationIndex.js';
import { evaluatePairs, solverWeights, type EvaluatedPairs } from './evaluatePairs.js';
import { pairBounds, type PairBounds } from './pairBounds.js';

/** What candidate matching builds once per cohort: on the main thread and in a helper thread alike. */
export interface CandidateContext {
  readonly rows: number;
  readonly cols: number;
  /** Features and policies on a set of pairs. */
  readonly evaluate: (pairs: PairSet) => EvaluatedPairs;
  /** Solver weights (NaN when banned) of a set of pairs. */
  readonly exactWeights: (pairs: PairSet) => Float64Array;
  /** The evaluation of no pairs: per-person values, capacities and relation bans. */
  readonly base: EvaluatedPairs;
  readonly bounds: PairBounds;
}

/** Builds the {@link CandidateContext} of a cohort under the given settings and (built-in) policies. */
export function candidateContext(cohort: Cohort, settings: PolicySettings, policies: readonly Policy[]): CandidateContext {
  const relations = buildRelationIndex(cohort);
  const rows = cohort.coachees.length;
  const cols = cohort.coaches.filter((c) => c.active).length;
  const evaluate = (pairs: PairSet) => evaluatePairs(cohort, settings, policies, relations, pairs);
  const base = evaluate(sparsePairSet(rows, cols, new Int32Array(rows + 1), new Int32Array(0)));
  const bounds = pairBounds(cohort, base.features, settings, policies, base.combined.rowMultiplier, base.combined.capacity);
  return { rows, cols, evaluate, exactWeights: (pairs) => solverWeights(evaluate(pairs).combined), base, bounds };
}
