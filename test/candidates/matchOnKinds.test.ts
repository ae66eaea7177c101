import { describe, expect, it } from 'vitest';
import { exactTwins } from '../../src/candidates/exactTwins.js';
import { match } from '../../src/engine/match.js';
import type { Matching } from '../../src/engine/matching.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { kindsOnly } from '../../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

type Doc = Record<string, unknown>;
const always = { candidates: 'always' as const, candidateSettings: { fallbackPairs: 0 } };

/** A kinds-only synthetic cohort (15 kinds of exact twins) with the given capacities. */
function kindsOnlyCohort(coachees: number, coaches: number, capacity: readonly [number, number]): Doc {
  return kindsOnly(syntheticCohort(coachees, coaches, 4, { capacity }));
}

describe('match by kinds', () => {
  it('solves coachees of few kinds on every pair at once, at the dense optimum, each kind taking its coaches in order', () => {
    // Room for all (kinds ship coachees), and places short (coaches ship places; the rest
    // unmatched); with room for all also with the 5 coaches least loaded without it to be
    // filled (minimum load = places), which binds.
    for (const [capacity, placed, minimums] of [[[8, 12], 'all', false], [[2, 6], 'places', false], [[8, 12], 'all', true]] as const) {
      const doc = kindsOnlyCohort(400, 50, capacity);
      if (minimums) {
        const free = match(parseCohort(doc as unknown as CohortInput), always);
        const least = [...free.coaches].sort((a, b) => a.load - b.load || (a.coachId < b.coachId ? -1 : 1)).slice(0, 5);
        expect(least.every((c) => c.load < c.capacity)).toBe(true);
        const filled = new Set(least.map((c) => c.coachId));
        for (const coach of doc.coaches as Doc[]) if (filled.has(coach.id as string)) coach.minLoad = coach.capacity;
      }
      const cohort = parseCohort(doc as unknown as CohortInput);
      const byKind = match(cohort, always);
      const dense = match(cohort, { candidates: 'never' });
      expect([byKind.status, byKind.candidates!.certified, byKind.candidates!.kinds, byKind.candidates!.rounds]).toEqual(['optimal', true, 15, 1]);
      expect(byKind.candidates!.pairs).toBe(15 * 50);
      expect(Math.abs(byKind.objective! - dense.objective!)).toBeLessThanOrEqual(1e-9 * Math.abs(dense.objective!));
      const places = cohort.coaches.reduce((n, c) => n + (c.active ? c.capacity : 0), 0);
      expect(byKind.kpis.matched).toBe(placed === 'all' ? 400 : places);
      expect(dense.kpis.matched).toBe(byKind.kpis.matched);
      for (const coach of byKind.coaches) expect(coach.load).toBeGreaterThanOrEqual(cohort.coaches.find((c) => c.id === coach.coachId)!.minLoad);
      // The documented rule: a kind's coachees, in id order, take its coaches in id order (the
      // last of a kind unmatched when places are short).
      const twinOf = exactTwins(cohort)!;
      const coachOrder = new Map(cohort.coaches.filter((c) => c.active).map((c, j) => [c.id, j]));
      const lastOfKind = new Map<number, number>();
      cohort.coachees.forEach((coachee, i) => {
        const entry = byKind.coachees.find((e) => e.coacheeId === coachee.id)!;
        const j = entry.status === 'matched' ? coachOrder.get(entry.coachId)! : Infinity;
        expect(j).toBeGreaterThanOrEqual(lastOfKind.get(twinOf[i]!) ?? 0);
        lastOfKind.set(twinOf[i]!, j);
      });
    }
  });

  it('leaves to the candidate rounds what it cannot settle: too few places for all when all must be placed, too many kinds, byKinds false', () => {
    const short = parseCohort(kindsOnlyCohort(400, 50, [2, 6]) as unknown as CohortInput);
    const distinct = parseCohort(syntheticCohort(400, 50, 4, { capacity: [8, 12] }) as unknown as CohortInput);
    const roomy = parseCohort(kindsOnlyCohort(400, 50, [8, 12]) as unknown as CohortInput);
    const cases: [string, Matching][] = [
      ['places short, every coachee required', match(short, { ...always, allowUnmatched: false })],
      ['every coachee its own kind', match(distinct, always)],
      ['byKinds false', match(roomy, { ...always, candidateSettings: { ...always.candidateSettings, byKinds: false } })],
    ];
    for (const [what, matching] of cases) {
      expect({ what, kinds: matching.candidates!.kinds }).toEqual({ what, kinds: undefined });
      expect({ what, certified: matching.candidates!.certified }).toEqual({ what, certified: true });
    }
    // The first falls through after the match by kinds has evaluated the cohort, which the
    // rounds then start from: it must still reach the dense answer.
    const dense = [match(short, { candidates: 'never', allowUnmatched: false })];
    for (const [n, reference] of dense.entries()) {
      const [what, matching] = cases[n]!;
      expect({ what, status: matching.status, matched: matching.kpis.matched }).toEqual({ what, status: reference.status, matched: reference.kpis.matched });
      expect(Math.abs(matching.objective! - reference.objective!)).toBeLessThanOrEqual(1e-9 * Math.abs(reference.objective!));
    }
  });
});

describe('match by kinds, minimum loads', () => {
  it('leaves minimum loads the coachees cannot meet to the candidate rounds, which diagnose them as the dense match does', () => {
    // 400 coachees, and every coach to be filled: about 500 places.
    const doc = kindsOnlyCohort(400, 50, [8, 12]);
    (doc.coaches as Doc[]).forEach((coach) => (coach.minLoad = coach.capacity));
    const cohort = parseCohort(doc as unknown as CohortInput);
    const byKind = match(cohort, always);
    const dense = match(cohort, { candidates: 'never' });
    expect(byKind.candidates!.kinds).toBeUndefined();
    expect(dense.status).toBe('infeasible');
    expect(byKind.status).toBe('infeasible');
  });
});
