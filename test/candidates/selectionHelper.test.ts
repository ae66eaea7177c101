/**
 * The helper thread's share of the scans: rows done there give what rows done here give, so
 * a match with the helper is byte-identical to one without.
 */
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { joinSelections, packSelection } from '../../src/candidates/packedSelection.js';
import { selectCandidates } from '../../src/candidates/selectCandidates.js';
import { match } from '../../src/engine/match.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

describe('selection shared with a helper thread', () => {
  it('joins two row ranges into the selection of all rows', () => {
    const cohort = parseCohort(syntheticCohort(40, 300, 5));
    const { bounds, exactWeights } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
    const whole = selectCandidates(bounds, 3, exactWeights);
    for (const split of [0, 1, 17, 40]) {
      const joined = joinSelections(selectCandidates(bounds, 3, exactWeights, 0, split), packSelection(selectCandidates(bounds, 3, exactWeights, split, 40)));
      expect(joined, `split at ${split}`).toEqual(whole);
    }
  });

  it('gives the same matching, byte for byte, with the helper as without', () => {
    for (const [rows, cols, seed] of [
      [120, 300, 1],
      [61, 40, 2],
    ] as const) {
      const cohort = parseCohort(syntheticCohort(rows, cols, seed));
      const alone = match(cohort, { candidates: 'always', candidateSettings: { k: 4, maxRounds: 16, parallelPairs: Infinity } });
      const shared = match(cohort, { candidates: 'always', candidateSettings: { k: 4, maxRounds: 16, parallelPairs: 0 } });
      expect(alone.candidates?.certified).toBe(true);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    }
  });
});
