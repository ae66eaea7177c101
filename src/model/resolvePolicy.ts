import { policyPresets } from './policyPresets.js';
import type { PolicyInput, PolicySettings } from './policySettings.js';

/**
 * Turns a cohort's `policy` section (and optional caller overrides, e.g. the CLI's
 * `--preset`) into complete settings. The preset is the caller's if given, else the
 * cohort's, else `default`; then the cohort's field overrides apply, then the caller's.
 * `weights` merge field by field; `preferenceBonus` is replaced whole.
 *
 * @example
 * ```ts
 * resolvePolicy({ preset: 'diversity-first', clanDepth: 1 }).weights.difference; // 1.2
 * resolvePolicy(cohort.policy, { preset: 'similarity-first' });
 * ```
 */
export function resolvePolicy(policy?: PolicyInput, overrides?: PolicyInput): PolicySettings {
  const base = policyPresets[overrides?.preset ?? policy?.preset ?? 'default'];
  let out: PolicySettings = base;
  for (const layer of [policy, overrides]) {
    if (layer === undefined) continue;
    const { preset: _preset, weights, ...fields } = layer;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const definedWeights = Object.fromEntries(Object.entries(weights ?? {}).filter(([, v]) => v !== undefined));
    out = { ...out, ...defined, weights: { ...out.weights, ...definedWeights } };
  }
  return out;
}
