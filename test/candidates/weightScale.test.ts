/**
 * Certificates of candidate matchings at any weight scale: their rounding tolerances are
 * measured in the policy's own scale, so a policy scaled down certifies only the dense optimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput, PolicySettings } from '../../src/model/policySettings.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { candidateCheckCase, crossCheckCandidates } from '../helpers/crossCheckCandidates.js';
import { runs } from '../helpers/runs.js';

/** Every utility weight, bonus and penalty of `settings` times `factor` (priority, which sets the row multipliers, kept). */
function scaledPolicy(settings: PolicySettings, factor: number): PolicyInput {
  const { priority, ...terms } = settings.weights;
  const weights = { ...Object.fromEntries(Object.entries(terms).map(([name, w]) => [name, w * factor])), priority } as PolicySettings['weights'];
  const penalties = Object.fromEntries(Object.entries(settings).filter(([name]) => name.endsWith('Penalty')).map(([name, v]) => [name, (v as number) * factor]));
  return { ...settings, ...penalties, weights, preferenceBonus: settings.preferenceBonus.map((b) => b * factor) };
}

describe('candidate certificates at any weight scale', () => {
  it('certifies the dense optimum, not one 0.05% below it, with every policy weight at 1e-13', () => {
    // The dense match (every pair, no certificate) is the reference; at scale 1 the two agree to 1e-16.
    const cohort = parseCohort(syntheticCohort(81, 13, 3, { capacity: [1, 3] }));
    const policy = scaledPolicy(resolvePolicy(), 1e-13);
    const dense = match(cohort, { policy, candidates: 'never' });
    const sparse = match(cohort, { policy, candidates: 'always', candidateSettings: { fallbackPairs: 0, k: 2 } });
    expect(dense.status).toBe('optimal');
    if (sparse.candidates?.certified === true) expect(Math.abs(sparse.objective! - dense.objective!)).toBeLessThanOrEqual(1e-12 * Math.abs(dense.objective!));
    else expect(sparse.status).toBe('feasible');
  });

  it('claims nothing the dense match does not bear out with the policy scaled by 2^k, k in [-60, -20]', () => {
    fc.assert(
      fc.property(candidateCheckCase, fc.integer({ min: -60, max: -20 }), ({ doc, policy, allowUnmatched, k, byKinds }, exponent) => {
        const factor = 2 ** exponent;
        const scaled = scaledPolicy(resolvePolicy((doc as CohortInput & { policy?: PolicyInput }).policy, policy), factor);
        const report = crossCheckCandidates(doc, scaled, allowUnmatched, { k, maxRounds: 20, byKinds }, factor);
        expect(report.disagreements).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });
});
