import fc from 'fast-check';
import { recordKinds } from '../../src/candidates/recordKinds.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { crossCheckCandidates, type CandidateCheckSettings } from './crossCheckCandidates.js';
import type { MatchCrossCheck } from './crossCheckMatch.js';
import { relationTypes } from '../../src/model/relationSchema.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { fewKinds, withCoachManagers } from '../../fixtures/synthetic/fewKinds.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

type Doc = Record<string, unknown>;

/** A few-kinds cohort (fewKinds: 15 kinds by record), with or without room for all, with extra relations of every type (between coachees, coaches and others), wishes and current coaches, in some every coachee managed by one of a few coaches, and in some a few coaches with a minimum load. */
export const nearKindsCohorts = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    coachees: fc.integer({ min: 20, max: 90 }),
    coaches: fc.integer({ min: 4, max: 24 }),
    relations: fc.array(fc.tuple(fc.constantFrom(...relationTypes), fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 }),
    roomy: fc.boolean(),
    wishes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('preferences', 'avoid', 'currentCoach')), { maxLength: 15 }),
    // Internal coaching: every coachee managed by one of the first few coaches (0: none; see withCoachManagers), so no kind has a plain coachee.
    managers: fc.constantFrom(0, 0, 0, 1, 2, 3),
    minimums: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 3 }),
    policy: fc.record({
      clanBan: fc.boolean(),
      clanDepth: fc.integer({ min: 1, max: 3 }),
      dualRole: fc.constantFrom('penalise', 'ban'),
      previouslyCoached: fc.constantFrom('allow', 'penalise', 'ban'),
      hardMinDifference: fc.boolean(),
      preferenceBonus: fc.constantFrom([0.3, 0.1], [0], [0.5]),
    }),
  })
  .map(({ seed, coachees, coaches, relations, roomy, wishes, managers, minimums, policy }) => {
    // Roomy: places for every coachee (what a match by kinds needs).
    const least = roomy ? Math.ceil(coachees / coaches) + 1 : 2;
    const drawn = fewKinds(syntheticCohort(coachees, coaches, seed, { capacity: [least, least + 6] }));
    const doc = managers === 0 ? drawn : withCoachManagers(drawn, managers);
    const coacheeDocs = doc.coachees as Doc[];
    const coachIds = (doc.coaches as Doc[]).map((c) => c.id as string);
    for (const [coach, least] of minimums) {
      const record = (doc.coaches as Doc[])[coach % coachIds.length]!;
      record.minLoad = Math.min(least, record.capacity as number);
    }
    const people = [...((doc.people as Doc[] | undefined) ?? []).map((p) => p.id as string), ...coachIds, ...coacheeDocs.map((c) => c.id as string)];
    // Endpoints by kind: 0 a coachee, 1 a coach, 2 anyone.
    const end = (kind: number, n: number) => (kind % 3 === 0 ? (coacheeDocs[n % coacheeDocs.length]!.id as string) : kind % 3 === 1 ? coachIds[n % coachIds.length]! : people[n % people.length]!);
    const extra = relations.map(([type, a, b, how]) => ({ from: end(how, a), to: end(how >> 2, b), type })).filter((r) => r.from !== r.to);
    for (const [who, coach, what] of wishes) {
      const coachee = coacheeDocs[who % coacheeDocs.length]!;
      const id = coachIds[coach % coachIds.length]!;
      if (what === 'currentCoach') coachee.currentCoach = id;
      else if (!((coachee.preferences as string[]) ?? []).includes(id) && !((coachee.avoid as string[]) ?? []).includes(id)) coachee[what] = [...((coachee[what] as string[]) ?? []), id];
    }
    return { doc: { ...doc, relations: [...(doc.relations as Doc[]), ...extra] }, policy: policy as PolicyInput };
  });


/**
 * A pair budget that lets the kinds by record be weighed against every coach, but not the kinds
 * of exact twins (coachees with relations or wishes are each their own): the match by kinds
 * of exact twins gives way, and the match by near kinds is tried.
 */
export function nearBudget(doc: CohortInput): number {
  const cohort = parseCohort(doc);
  const cols = cohort.coaches.filter((c) => c.active).length;
  return recordKinds(cohort)!.size.length * cols;
}

/** crossCheckCandidates under {@link nearBudget} (null when the cohort is refused: an extra relation it will not take). */
export function crossCheckNearKinds(doc: CohortInput, policy: PolicyInput, allowUnmatched: boolean, settings: Omit<CandidateCheckSettings, 'pairBudget'> = { k: 2, maxRounds: 20 }): (MatchCrossCheck & { pairBudget: number }) | null {
  let pairBudget: number;
  try {
    pairBudget = nearBudget(doc);
  } catch {
    return null;
  }
  return { ...crossCheckCandidates(doc, policy, allowUnmatched, { ...settings, pairBudget }), pairBudget };
}
