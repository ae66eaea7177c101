import { describe, expect, it } from 'vitest';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { DENSE_PAIR_LIMIT, LARGE_COHORT_PAIRS, match, prepareMatch } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';

describe('cohorts too large to build every pair', () => {
  // 5,001 × 4,000 pairs: one row over the limit. Parsing is quick; building would need GBs.
  const cohort = parseCohort(syntheticCohort(5_001, 4_000, 3));

  it('are refused by the dense path with a clear error before any table is built', () => {
    expect(5_001 * 4_000).toBeGreaterThan(DENSE_PAIR_LIMIT);
    let caught: unknown = null;
    try {
      prepareMatch(cohort);
    } catch (error) {
      caught = error;
    }
    expect(isErrorOfKind(caught, 'invalidArgument')).toBe(true);
    expect(String((caught as Error).message)).toContain('candidate pairs');
    expect(() => match(cohort, { candidates: 'never' })).toThrow(/every coachee–coach pair/);
  });

  it('sit far above the size where match switches to candidate pairs on its own', () => {
    expect(LARGE_COHORT_PAIRS).toBeLessThan(DENSE_PAIR_LIMIT);
  });
});
