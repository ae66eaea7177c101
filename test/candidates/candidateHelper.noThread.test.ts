/** Without a thread to be had, candidate matching does every row on the main thread, with the same answer. */
import { describe, expect, it, vi } from 'vitest';
import { CandidateHelper } from '../../src/candidates/candidateHelper.js';
import { match } from '../../src/engine/match.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

vi.mock('../../src/workers/spawnWorker.js', () => ({
  spawnWorker: () => {
    throw new Error('no threads here');
  },
}));

describe('candidate matching without a helper thread', () => {
  it('starts no helper, and matches as it would alone', () => {
    const cohort = parseCohort(syntheticCohort(120, 300, 1));
    expect(CandidateHelper.start(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies)).toBeNull();
    const alone = match(cohort, { candidates: 'always', candidateSettings: { k: 1, maxRounds: 16, parallelPairs: Infinity } });
    const wanted = match(cohort, { candidates: 'always', candidateSettings: { k: 1, maxRounds: 16, parallelPairs: 0 } });
    expect(alone.candidates?.certified).toBe(true);
    expect(JSON.stringify(wanted)).toBe(JSON.stringify(alone));
  });
});
