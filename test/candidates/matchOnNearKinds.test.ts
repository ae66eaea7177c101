import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { fewKinds } from '../../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { crossCheckNearKinds, nearBudget, nearKindsCohorts } from '../helpers/nearKindsCohort.js';
import { runs } from '../helpers/runs.js';
import { shuffleCohortDeep } from '../helpers/shuffleCohortDeep.js';

describe('match by near kinds', () => {
  it('matches few-kinds cohorts with relations and wishes at the dense optimum when it certifies, in rounds otherwise', () => {
    let byNearKinds = 0;
    let withMinimum = 0;
    fc.assert(
      fc.property(nearKindsCohorts, fc.boolean(), ({ doc, policy }, allowUnmatched) => {
        const check = crossCheckNearKinds(doc as unknown as CohortInput, policy, allowUnmatched);
        if (check === null) return; // an extra relation the cohort refuses
        expect(check.disagreements).toEqual([]);
        const matching = match(parseCohort(doc as unknown as CohortInput), { policy, allowUnmatched, candidates: 'always', candidateSettings: { fallbackPairs: 0, pairBudget: check.pairBudget } });
        if (matching.candidates!.lone !== undefined) {
          byNearKinds++;
          expect(matching.candidates!.certified).toBe(true);
          if ((doc as unknown as CohortInput).coaches.some((c) => (c.minLoad ?? 0) > 0)) withMinimum++;
        }
      }),
      { numRuns: runs(60) },
    );
    // Not vacuous: many of these are matched by near kinds.
    expect(byNearKinds).toBeGreaterThan(runs(60) / 5);
    // Some of them with coaches' minimum loads.
    expect(withMinimum).toBeGreaterThan(runs(60) / 20);
  });

  it('gives the same JSON whatever the record order', () => {
    fc.assert(
      fc.property(nearKindsCohorts, fc.integer({ min: 1, max: 0x7fffffff }), ({ doc, policy }, seed) => {
        let pairBudget: number;
        try {
          pairBudget = nearBudget(doc as unknown as CohortInput);
        } catch {
          return;
        }
        const options = { policy, candidates: 'always' as const, candidateSettings: { fallbackPairs: 0, pairBudget } };
        const left = match(parseCohort(doc as unknown as CohortInput), options);
        const right = match(parseCohort(shuffleCohortDeep(doc as unknown as CohortInput, seed)), options);
        expect(JSON.stringify(right)).toBe(JSON.stringify(left));
      }),
      { numRuns: runs(30) },
    );
  });

  it('is taken by default on a cohort of 15 kinds by record whose exact twins are too many kinds to weigh', () => {
    // 5,000 × 2,500 of 15 kinds, relations and wishes kept: the exact twins make 836 kinds,
    // 2,090,000 kind pairs, past KIND_PAIRS; the 15 kinds by record make 37,500.
    const cohort = parseCohort(fewKinds(syntheticCohort(5000, 2500, 7, { capacity: [3, 6] })) as unknown as CohortInput);
    const near = match(cohort, { candidates: 'always' });
    const rounds = match(cohort, { candidates: 'always', candidateSettings: { byKinds: false } });
    expect(near.candidates).toMatchObject({ kinds: 15, certified: true, pairs: expect.any(Number) });
    expect(near.candidates!.lone).toBeGreaterThan(0);
    expect(rounds.candidates!.certified).toBe(true);
    expect(Math.abs(near.objective! - rounds.objective!)).toBeLessThanOrEqual(1e-9 * 5000 * Math.abs(rounds.objective!));
    expect(near.kpis.matched).toBe(5000);
  });
});
