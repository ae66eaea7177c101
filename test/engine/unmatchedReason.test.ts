/**
 * Why a coachee is left unmatched, as the matching says it: a coordinator acts on this, so it
 * must name the real obstacle (no coach allowed, no coach with places at all, or every coach
 * with places full), on the dense path and on candidate pairs alike.
 */
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { Matching } from '../../src/engine/matching.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';

const ones = { socioEmotional: 1, network: 1, autonomy: 1, career: 1 };
const coach = (id: string, capacity: number) => ({ id, name: `Coach ${id}`, capacity, support: ones });
const coachee = (id: string, avoid: string[] = []) => ({ id, name: `Coachee ${id}`, needs: ones, avoid });

function reasons(doc: CohortInput, candidates: 'never' | 'always'): Map<string, string> {
  const matching: Matching = match(parseCohort(doc), { candidates, candidateSettings: { k: 1, maxRounds: 20 } });
  expect(matching.status).toBe('optimal');
  const out = new Map<string, string>();
  for (const entry of matching.coachees) if (entry.status === 'unmatched') out.set(entry.coacheeId, entry.reason);
  return out;
}

describe.each(['never', 'always'] as const)('unmatched reasons (candidates: %s)', (candidates) => {
  it('says no coach has a place when every allowed coach has capacity 0', () => {
    const got = reasons({ coaches: [coach('a', 0), coach('b', 0)], coachees: [coachee('x'), coachee('y')] }, candidates);
    expect([...got.keys()].sort()).toEqual(['x', 'y']);
    expect(got.get('x')).toBe('no place at all: none of the 2 coach(es) allowed for Coachee x has a place (capacity 0)');
  });

  it('counts only the coaches with places among the full ones', () => {
    // One place for two coachees; b has none.
    const got = reasons({ coaches: [coach('a', 1), coach('b', 0)], coachees: [coachee('x'), coachee('y')] }, candidates);
    expect(got.size).toBe(1);
    const [who, why] = [...got][0]!;
    expect(why).toBe(`no place left: the 1 coach(es) with places allowed for Coachee ${who} are full, and no reshuffle frees a place`);
  });

  it('leaves a coach the coachee avoids out of the count', () => {
    // y avoids a, the one coach with places, so b (capacity 0) is all y is allowed.
    const got = reasons({ coaches: [coach('a', 1), coach('b', 0)], coachees: [coachee('x'), coachee('y', ['a'])] }, candidates);
    expect(got.get('y')).toBe('no place at all: none of the 1 coach(es) allowed for Coachee y has a place (capacity 0)');
  });
});
