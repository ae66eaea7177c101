/**
 * Why a coachee is left unmatched, as the matching says it: a coordinator acts on this, so it
 * must name the real obstacle (no coach allowed, no coach with places at all, or every coach
 * with places full, or, when an allowed coach has room, the quotas), on the dense path and on
 * candidate pairs alike.
 */
import { readFileSync } from 'node:fs';
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

  it('lists the bans that exclude every coach by code, however they were found', () => {
    // y (m, NL) is an insider under a hard minimum difference: b (m, NL) is too similar, and y
    // avoids a and c; x takes one of them. The candidate path finds y's bans in another order.
    const person = (gender: string) => ({ attributes: { gender, nationality: 'NL' } });
    const got = reasons(
      {
        attributes: [{ key: 'gender', kind: 'categorical', role: 'identity' }, { key: 'nationality', kind: 'categorical', role: 'identity', weight: 0.75 }],
        coaches: [{ ...coach('a', 1), ...person('f') }, { ...coach('b', 0), ...person('m') }, { ...coach('c', 1), ...person('f') }],
        coachees: [{ ...coachee('x'), ...person('f') }, { ...coachee('y', ['a', 'c']), ...person('m') }],
        policy: { hardMinDifference: true, insiderThreshold: 0.5 },
      },
      candidates,
    );
    expect(got.get('y')).toBe('every coach is excluded for Coachee y (avoided ×2, insufficientDifference ×1)');
  });

  it('leaves a coach the coachee avoids out of the count', () => {
    // y avoids a, the one coach with places, so b (capacity 0) is all y is allowed.
    const got = reasons({ coaches: [coach('a', 1), coach('b', 0)], coachees: [coachee('x'), coachee('y', ['a'])] }, candidates);
    expect(got.get('y')).toBe('no place at all: none of the 1 coach(es) allowed for Coachee y has a place (capacity 0)');
  });
});

describe('unmatched reasons under quotas', () => {
  it('names the quotas, not full coaches, when an allowed coach still has room', () => {
    // An insider identical to both coaches (difference 0 < 0.35), and at most 0 pairs below
    // the minimum difference: both places stay free, and only the quota keeps I out.
    const identity = { gender: 'm', nat: 'NL' };
    const doc: CohortInput = {
      attributes: [
        { key: 'gender', kind: 'categorical', role: 'identity' },
        { key: 'nat', kind: 'categorical', role: 'identity' },
      ],
      coaches: ['c1', 'c2'].map((id) => ({ ...coach(id, 1), name: id.toUpperCase(), attributes: identity })),
      coachees: [{ ...coachee('i'), name: 'I', attributes: identity }],
      policy: { quotas: [{ kind: 'flaggedPairs', flag: 'insufficientDifference', max: 0 }] },
    };
    const matching = match(parseCohort(doc));
    expect(matching.coachees[0]).toMatchObject({
      status: 'unmatched',
      reason: 'the quotas keep I out: 2 allowed coach(es) still have room (C1 0/1, C2 0/1), but every matching that places I either breaks a quota or is worse (fewer coachees placed, or a lower total; see quotaReport)',
    });
  });

  it('gives the real loads for the red team cohort (commonGround quota, coachee without identity data)', () => {
    // Red team 3b §4: two coaches of 3 places; KNOWN takes one, NODATA (a "pioneer" with no
    // common ground with anyone) is kept out by { commonGround, orUnmatched }.
    const doc = JSON.parse(readFileSync(new URL('./fixtures/commonGround-quota-missing-data.json', import.meta.url), 'utf8')) as CohortInput;
    const matching = match(parseCohort(doc));
    const entry = matching.coachees.find((c) => c.coacheeId === 'nodata')!;
    expect(entry.status).toBe('unmatched');
    const loads = matching.coaches.map((c) => `${c.coachName} ${c.load}/${c.capacity}`).join(', ');
    expect(loads).toBe('C1 0/3, C2 1/3');
    expect(entry.status === 'unmatched' && entry.reason).toMatch(new RegExp(`^the quotas keep NODATA out: 2 allowed coach\\(es\\) still have room \\(${loads.replace(/[()]/g, '\\$&')}\\)`));
  });
});
