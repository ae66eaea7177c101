import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { defaultPolicy } from '../../src/model/defaultPolicy.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { clanPolicy } from '../../src/policies/clanPolicy.js';
import { coach, coachee, cohortDoc, contextOf, nonZero, pairCodes, rel, termOf } from './support.js';

const coaches = [coach('c1'), coach('c2'), coach('c3')];
const coachees = [coachee('daughter'), coachee('s2')];
/** The boss's-daughter case: the coachee is family of the boss, who is close to coach c1. */
const bossCase = [rel('daughter', 'family', 'boss'), rel('boss', 'closeTo', 'c1')];
const apply = (relations: ReturnType<typeof rel>[], overrides = {}) => {
  const context = contextOf(cohortDoc({ coaches, coachees, relations }), overrides);
  const out = clanPolicy.apply(context);
  return { context, out, bans: pairCodes(context, out.bans), penalties: nonZero(context, termOf(out, 'clan')) };
};

describe('clanPolicy', () => {
  it('bans by default a coach two family/closeTo steps from the coachee (the boss’s daughter)', () => {
    expect(defaultPolicy.clanBan).toBe(true);
    expect(defaultPolicy.clanDepth).toBe(2);
    const { bans, penalties } = apply(bossCase);
    expect(bans).toEqual(['daughter×c1:clan']);
    expect(penalties).toEqual({});
  });

  it('does not ban that coach with clanDepth 1', () => {
    expect(apply(bossCase, { clanDepth: 1 }).bans).toEqual([]);
  });

  it('bans direct family or close friends at clanDepth 1', () => {
    expect(apply([rel('daughter', 'family', 'c2'), rel('c3', 'closeTo', 's2')], { clanDepth: 1 }).bans).toEqual([
      'daughter×c2:clan',
      's2×c3:clan',
    ]);
  });

  it('reaches three steps only with clanDepth 3', () => {
    const chain = [rel('daughter', 'family', 'boss'), rel('boss', 'closeTo', 'friend'), rel('friend', 'family', 'c2')];
    expect(apply(chain).bans).toEqual([]);
    expect(apply(chain, { clanDepth: 3 }).bans).toEqual(['daughter×c2:clan']);
  });

  it('does not count sameTeam, evaluates or manages as clan links', () => {
    const links = [rel('daughter', 'sameTeam', 'boss'), rel('boss', 'closeTo', 'c1'), rel('c2', 'manages', 'daughter'), rel('c3', 'evaluates', 's2')];
    expect(apply(links).bans).toEqual([]);
  });

  it('names the chain of people that links the coach to the coachee', () => {
    const { out } = apply(bossCase);
    expect(out.bans?.[0]?.reason).toContain('Person boss');
  });

  it('penalises and flags instead of banning with clanBan: false', () => {
    const { context, out, bans, penalties } = apply(bossCase, { clanBan: false });
    expect(bans).toEqual([]);
    expect(penalties).toEqual({ 'daughter×c1': -context.settings.clanPenalty });
    expect(pairCodes(context, out.flags)).toEqual(['daughter×c1:clan']);
  });

  it('is not fooled by a family cycle', () => {
    const cycle = [rel('daughter', 'family', 'boss'), rel('boss', 'family', 'aunt'), rel('aunt', 'family', 'daughter'), rel('aunt', 'closeTo', 'c3')];
    expect(apply(cycle).bans).toEqual(['daughter×c3:clan']);
  });

  it('keeps the engine from choosing a clan coach even when that coach fits best', () => {
    const doc = cohortDoc({
      coaches: [coach('c1', { sector: 'HR' }), coach('c2', { sector: 'education' })],
      coachees: [coachee('daughter', {}, { aspiration: { sector: 'HR' }, preferences: ['c1'] })],
      relations: bossCase,
    });
    const cohort = parseCohort(doc);
    expect(match(cohort).coachees[0]).toMatchObject({ status: 'matched', coachId: 'c2' });
    expect(match(cohort, { policy: { clanDepth: 1 } }).coachees[0]).toMatchObject({ status: 'matched', coachId: 'c1' });
  });

  it('bans a coach whom a clan member manages or evaluates: the boss’s reports follow the clan', () => {
    const { bans, out } = apply([rel('daughter', 'family', 'boss'), rel('boss', 'manages', 'c2'), rel('boss', 'evaluates', 'c3')]);
    expect(bans).toEqual(['daughter×c2:clan', 'daughter×c3:clan']);
    const reasonFor = (col: number) => out.bans?.find((b) => b.col === col)?.reason;
    expect(reasonFor(1)).toBe("answers to the coachee's clan (Coachee daughter → Person boss): Person boss manages Coach c2");
    expect(reasonFor(2)).toBe("answers to the coachee's clan (Coachee daughter → Person boss): Person boss evaluates Coach c3");
  });

  it('bans a coach whom the coachee manages', () => {
    const { bans, out } = apply([rel('s2', 'manages', 'c1')]);
    expect(bans).toEqual(['s2×c1:clan']);
    expect(out.bans?.[0]?.reason).toBe('answers to the coachee: Coachee s2 manages Coach c1');
  });

  it('counts the manages link as a step within clanDepth', () => {
    const reports = [rel('daughter', 'family', 'boss'), rel('boss', 'manages', 'c2')];
    expect(apply(reports, { clanDepth: 1 }).bans).toEqual([]);
    const further = [rel('daughter', 'family', 'boss'), rel('boss', 'closeTo', 'friend'), rel('friend', 'manages', 'c3')];
    expect(apply(further).bans).toEqual([]);
    expect(apply(further, { clanDepth: 3 }).bans).toEqual(['daughter×c3:clan']);
  });

  it('names a coach in the clan and answering to it once, as clan', () => {
    const { bans, out } = apply([rel('daughter', 'family', 'boss'), rel('boss', 'closeTo', 'c1'), rel('boss', 'manages', 'c1')]);
    expect(bans).toEqual(['daughter×c1:clan']);
    expect(out.bans?.[0]?.reason).toContain("in the coachee's clan");
  });

  it('penalises and flags a follower instead with clanBan: false', () => {
    const { context, out, bans, penalties } = apply([rel('daughter', 'family', 'boss'), rel('boss', 'manages', 'c2')], { clanBan: false });
    expect(bans).toEqual([]);
    expect(penalties).toEqual({ 'daughter×c2': -context.settings.clanPenalty });
    expect(pairCodes(context, out.flags)).toEqual(['daughter×c2:clan']);
  });

  it('leaves the coachee unmatched, with a reason, when the clan covers every coach', () => {
    const doc = cohortDoc({ coaches: [coach('c1')], coachees: [coachee('daughter')], relations: bossCase });
    const entry = match(parseCohort(doc)).coachees[0]!;
    expect(entry.status).toBe('unmatched');
    expect(entry.status === 'unmatched' && entry.reason).toContain('clan');
  });
});
