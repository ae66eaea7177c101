import { defaultPolicy } from './defaultPolicy.js';
import type { PolicyPresetName, PolicySettings } from './policySettings.js';

/**
 * The named presets.
 *
 * - `default`: {@link defaultPolicy}.
 * - `similarity-first`: common ground weighs most and difference not at all; no minimum
 *   difference for insiders, no scarcity bonus. What coordinators do by hand (same
 *   nationality, same gender); a baseline to compare against.
 * - `diversity-first`: difference weighs most, common ground least; more coachees count as
 *   insiders and their coach must reach the minimum difference (hard constraint).
 */
export const policyPresets: Readonly<Record<PolicyPresetName, PolicySettings>> = Object.freeze({
  default: defaultPolicy,
  'similarity-first': Object.freeze({
    ...defaultPolicy,
    weights: Object.freeze({ ...defaultPolicy.weights, commonGround: 1.2, difference: 0, scarcity: 0 }),
    minDifferenceForInsiders: 0,
    hardMinDifference: false,
  }),
  'diversity-first': Object.freeze({
    ...defaultPolicy,
    weights: Object.freeze({ ...defaultPolicy.weights, commonGround: 0.3, difference: 1.2 }),
    insiderThreshold: 0.6,
    minDifferenceForInsiders: 0.45,
    hardMinDifference: true,
  }),
});

/** The preset names, in a stable order. */
export const policyPresetNames: readonly PolicyPresetName[] = Object.freeze([
  'default',
  'similarity-first',
  'diversity-first',
]);
