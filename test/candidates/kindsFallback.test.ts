import { beforeEach, describe, expect, it, vi } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { Cohort } from '../../src/model/cohort.js';
import { fewKinds, kindsOnly } from '../../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

/** How the transportation solves of this file go wrong: not at all, the proof refuses, or the budget runs out. */
const failure = vi.hoisted(() => ({ mode: 'none' as 'none' | 'proof' | 'budget', solves: 0 }));

vi.mock('../../src/solver/transportation.js', async (importActual) => {
  const actual = await importActual<typeof import('../../src/solver/transportation.js')>();
  return {
    ...actual,
    solveTransportation: (...args: Parameters<typeof actual.solveTransportation>) => {
      failure.solves++;
      const solved = actual.solveTransportation(...args);
      return failure.mode === 'budget' && solved.status === 'optimal' ? { status: 'overBudget' as const, reads: solved.reads } : solved;
    },
    transportationProven: (...args: Parameters<typeof actual.transportationProven>) => failure.mode !== 'proof' && actual.transportationProven(...args),
  };
});

beforeEach(() => {
  failure.mode = 'none';
  failure.solves = 0;
});

const always = { candidates: 'always' as const, candidateSettings: { fallbackPairs: 0 } };

function cohortOf(doc: Record<string, unknown>): Cohort {
  return parseCohort(doc as unknown as CohortInput);
}

// Kinds only (exact twins): matched by kind; few kinds with relations and wishes: by near kinds.
const cohorts: [string, Cohort][] = [
  ['kinds', cohortOf(kindsOnly(syntheticCohort(400, 50, 4, { capacity: [8, 12] })))],
  ['kinds, places short', cohortOf(kindsOnly(syntheticCohort(400, 50, 4, { capacity: [2, 6] })))],
  ['near kinds', cohortOf(fewKinds(syntheticCohort(600, 80, 3, { capacity: [6, 11] })))],
  ['near kinds, places short', cohortOf(fewKinds(syntheticCohort(600, 80, 3, { capacity: [2, 8] })))],
];

describe('match by kinds when the transportation solve gives up', () => {
  for (const [name, cohort] of cohorts) {
    it(`${name}: falls back to the candidate rounds, which reach the same optimum, when the proof fails or the budget runs out`, () => {
      const byKinds = match(cohort, always);
      // The premise: without a failure this cohort is matched by kinds or near kinds.
      expect(byKinds.candidates!.kinds).toBeGreaterThan(0);
      expect(failure.solves).toBeGreaterThan(0);
      for (const mode of ['proof', 'budget'] as const) {
        failure.mode = mode;
        const fallen = match(cohort, always);
        expect({ mode, kinds: fallen.candidates!.kinds, lone: fallen.candidates!.lone }).toEqual({ mode, kinds: undefined, lone: undefined });
        expect({ mode, status: fallen.status, certified: fallen.candidates!.certified }).toEqual({ mode, status: 'optimal', certified: true });
        expect(Math.abs(fallen.objective! - byKinds.objective!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(byKinds.objective!)));
        expect(fallen.kpis.matched).toBe(byKinds.kpis.matched);
      }
    });
  }
});
