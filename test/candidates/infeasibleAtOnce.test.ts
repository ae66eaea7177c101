import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

type Doc = Record<string, unknown>;
// No fallback to every pair: the candidate path must settle these itself.
const sparse = { candidates: 'always' as const, candidateSettings: { fallbackPairs: 0 } };

/** 60 coachees on 8 coaches: with places short, or (`avoided`) with every coachee avoiding the coaches with the most places. */
function strictCohort(variant: 'places short' | 'avoided'): CohortInput {
  const doc = syntheticCohort(60, 8, 5, { capacity: variant === 'places short' ? [3, 6] : [6, 12] });
  if (variant === 'avoided') {
    const coaches = doc.coaches as Doc[];
    const largest = [...coaches].sort((a, b) => (b.capacity as number) - (a.capacity as number)).slice(0, 4).map((c) => c.id as string);
    for (const coachee of doc.coachees as Doc[]) coachee.avoid = [...new Set([...((coachee.avoid as string[]) ?? []), ...largest])].filter((id) => !((coachee.preferences as string[]) ?? []).includes(id));
  }
  return doc as unknown as CohortInput;
}

describe('a cohort the bound on how many coachees can be placed proves infeasible', () => {
  it.each(['places short', 'avoided'] as const)('that must place every coachee is infeasible at once, before any candidate is selected, with the dense diagnosis (%s)', (variant) => {
    const cohort = parseCohort(strictCohort(variant));
    const dense = match(cohort, { allowUnmatched: false, candidates: 'never' });
    const atOnce = match(cohort, { allowUnmatched: false, ...sparse });
    expect(dense.status).toBe('infeasible');
    expect(atOnce.status).toBe('infeasible');
    expect(atOnce.candidates).toMatchObject({ certified: true, rounds: 0, pairs: 0 });
    // The full problem's facts: what the candidate path knows of every pair (places short, or out
    // of every coachee's reach), short by as many places as the dense diagnosis says.
    const shortBy = (lines: readonly string[]) => lines.map((line) => Number(/(\d+)(?: place\(s\))? short/.exec(line)?.[1]));
    expect(atOnce.diagnosis.length).toBeGreaterThan(0);
    expect(new Set(shortBy(atOnce.diagnosis))).toEqual(new Set(shortBy(dense.diagnosis)));
    expect(atOnce.coachees.map((c) => c.status)).toEqual(dense.coachees.map((c) => c.status));
    // Allowed to leave coachees unmatched, the same cohort is solved as usual.
    const loose = match(cohort, sparse);
    expect(loose.status).toBe('optimal');
    expect(loose.candidates!.rounds).toBeGreaterThan(0);
  });

  it('is infeasible at once when the minimum loads ask for more coachees than can be placed, unmatched allowed or not', () => {
    // Every coach to be filled: about 72 places for 60 coachees.
    const doc = syntheticCohort(60, 8, 5, { capacity: [6, 12] });
    for (const coach of doc.coaches as Doc[]) coach.minLoad = coach.capacity;
    const cohort = parseCohort(doc as unknown as CohortInput);
    const dense = match(cohort, { candidates: 'never' });
    expect(dense.status).toBe('infeasible');
    for (const allowUnmatched of [true, false]) {
      const atOnce = match(cohort, { allowUnmatched, ...sparse });
      expect(atOnce.status).toBe('infeasible');
      expect(atOnce.candidates).toMatchObject({ certified: true, rounds: 0, pairs: 0 });
      expect(atOnce.diagnosis).toEqual(dense.diagnosis);
    }
  });
});

