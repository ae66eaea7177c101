import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { preferencePolicy } from '../../src/policies/preferencePolicy.js';
import { coach, coachee, cohortDoc, contextOf, nonZero, pairCodes, termOf } from './support.js';

const coaches = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => coach(id));
const doc = (preferences: string[], avoid: string[] = []) =>
  cohortDoc({ coaches, coachees: [coachee('s1', {}, { preferences, avoid }), coachee('s2')] });

describe('preferencePolicy', () => {
  it('adds preferenceBonus[rank] for the 1st, 2nd, 3rd… preferred coach, and nothing beyond the list', () => {
    const ctx = contextOf(doc(['c4', 'c2', 'c5', 'c1']));
    const bonus = ctx.settings.preferenceBonus;
    expect(nonZero(ctx, termOf(preferencePolicy.apply(ctx), 'preference'))).toEqual({
      's1×c4': bonus[0],
      's1×c2': bonus[1],
      's1×c5': bonus[2],
    });
    expect(bonus.length).toBe(3);
  });
  it('uses the configured bonuses', () => {
    const ctx = contextOf(doc(['c4', 'c2']), { preferenceBonus: [1, 0.5] });
    expect(nonZero(ctx, termOf(preferencePolicy.apply(ctx), 'preference'))).toEqual({ 's1×c4': 1, 's1×c2': 0.5 });
  });
  it('bans every coach on the "not this coach" list', () => {
    const ctx = contextOf(doc([], ['c3', 'c1']));
    const out = preferencePolicy.apply(ctx);
    expect(pairCodes(ctx, out.bans)).toEqual(['s1×c1:avoided', 's1×c3:avoided']);
  });
  it('ignores wishes about an inactive coach', () => {
    const ctx = contextOf(
      cohortDoc({ coaches: [coach('c1', {}, { active: false }), coach('c2')], coachees: [coachee('s1', {}, { preferences: ['c1'] }), coachee('s2', {}, { avoid: ['c1'] })] }),
    );
    const out = preferencePolicy.apply(ctx);
    expect(nonZero(ctx, termOf(out, 'preference'))).toEqual({});
    expect(out.bans ?? []).toEqual([]);
  });
  it('ranks the preferred coaches left in the pool: an inactive first choice makes the second the first', () => {
    const pool = [coach('off', {}, { active: false }), coach('c1'), coach('c2'), coach('c3')];
    const ctx = contextOf(cohortDoc({ coaches: pool, coachees: [coachee('s1', {}, { preferences: ['off', 'c2', 'c1'] })] }));
    const bonus = ctx.settings.preferenceBonus;
    expect(nonZero(ctx, termOf(preferencePolicy.apply(ctx), 'preference'))).toEqual({ 's1×c2': bonus[0], 's1×c1': bonus[1] });
    // …and the KPI counts that first choice left as honoured.
    const matching = match(parseCohort(cohortDoc({ coaches: pool, coachees: [coachee('s1', {}, { preferences: ['off', 'c2'] })] })));
    expect(matching.coachees[0]).toMatchObject({ status: 'matched', coachId: 'c2' });
    expect(matching.kpis.firstChoiceHonoured).toBe(1);
  });
  it('lets the engine honour a first choice among otherwise equal coaches', () => {
    const matching = match(parseCohort(doc(['c3'])));
    expect(matching.coachees[0]).toMatchObject({ status: 'matched', coachId: 'c3' });
    expect(matching.kpis.firstChoiceHonoured).toBe(1);
  });
  it('never lets the engine match an avoided coach, even the only one left', () => {
    const matching = match(parseCohort(cohortDoc({ coaches: [coach('c1')], coachees: [coachee('s1', {}, { avoid: ['c1'] })] })));
    expect(matching.coachees[0]!.status).toBe('unmatched');
  });
});
