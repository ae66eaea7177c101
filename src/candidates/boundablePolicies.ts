import { CoachmatchError } from '../errors.js';
import type { PolicySettings, PolicyWeights } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import { fitPolicy } from '../policies/fitPolicy.js';
import type { Policy } from '../policies/policy.js';
import { scarcityPolicy } from '../policies/scarcityPolicy.js';
import { similarityDiversityPolicy } from '../policies/similarityDiversityPolicy.js';

const builtIn: ReadonlySet<Policy> = new Set(defaultPolicies);

/**
 * Candidate pairs (rounds, kinds and near kinds alike) know the built-in policies alone, each
 * once: a policy of the caller's could tell apart coachees a kind treats as one, or lift a pair
 * above its bound, and the answer would be certified wrong.
 *
 * @throws CoachmatchError `invalidArgument` for a policy not built in, or one listed twice.
 */
export function checkBoundablePolicies(policies: readonly Policy[]): void {
  const unknown = policies.filter((p) => !builtIn.has(p)).map((p) => p.name);
  if (unknown.length > 0) {
    throw new CoachmatchError(
      'invalidArgument',
      `candidate pairs need a bound for every policy, and ${unknown.map((n) => JSON.stringify(n)).join(', ')} is not built in: match this cohort with candidates: 'never' (dense), or with the built-in policies`,
    );
  }
  // The bounds count each built-in policy once; one listed twice adds its terms twice.
  const twice = [...new Set(policies.filter((p, n) => policies.indexOf(p) !== n))].map((p) => p.name);
  if (twice.length > 0) {
    throw new CoachmatchError(
      'invalidArgument',
      `candidate pairs bound each built-in policy once, and ${twice.map((n) => JSON.stringify(n)).join(', ')} is listed more than once: list each policy once, or match this cohort with candidates: 'never' (dense)`,
    );
  }
}

/**
 * The settings the pair bounds weigh with: a built-in policy left out adds nothing, so the
 * weights of its terms are 0. Without this, an insider's shortfall penalty stayed in the bound
 * with similarity–diversity left out, the bound fell below the pair's utility, and a worse
 * matching was certified.
 */
export function settingsForBounds(settings: PolicySettings, policies: readonly Policy[]): PolicySettings {
  const has = (p: Policy) => policies.includes(p);
  if (has(fitPolicy) && has(similarityDiversityPolicy) && has(scarcityPolicy)) return settings;
  const weights: { -readonly [K in keyof PolicyWeights]: PolicyWeights[K] } = { ...settings.weights };
  if (!has(fitPolicy)) Object.assign(weights, { aspiration: 0, support: 0 });
  if (!has(similarityDiversityPolicy)) Object.assign(weights, { commonGround: 0, difference: 0 });
  if (!has(scarcityPolicy)) weights.scarcity = 0;
  return { ...settings, weights, minDifferencePenalty: has(similarityDiversityPolicy) ? settings.minDifferencePenalty : 0 };
}
