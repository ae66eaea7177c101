import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';
import { coach, coachee, cohortDoc, rel } from './support.js';

const index = (relations: ReturnType<typeof rel>[]) =>
  buildRelationIndex(parseCohort(cohortDoc({ coaches: [coach('c1'), coach('c2')], coachees: [coachee('s1'), coachee('s2')], relations })));

describe(buildRelationIndex, () => {
  it('answers directed relation types from → to, and not the other way round', () => {
    const r = index([rel('c1', 'evaluates', 's1'), rel('c1', 'previouslyCoached', 's1'), rel('s2', 'manages', 'c2')]);
    expect([...r.typesFrom('c1', 's1')].sort()).toEqual(['evaluates', 'previouslyCoached']);
    expect(r.typesFrom('s1', 'c1').size).toBe(0);
    expect([...r.typesFrom('s2', 'c2')]).toEqual(['manages']);
  });
  it('lists who evaluates or manages a person, once each', () => {
    const r = index([rel('boss', 'evaluates', 's1'), rel('boss', 'manages', 's1'), rel('c2', 'manages', 's1'), rel('c1', 'previouslyCoached', 's1')]);
    expect([...r.evaluatorsOf('s1')].sort()).toEqual(['boss', 'c2']);
    expect(r.evaluatorsOf('s2')).toEqual([]);
  });
  it('treats family, closeTo and sameTeam as close, in both directions', () => {
    const r = index([rel('boss', 'family', 'c1'), rel('c2', 'closeTo', 'boss'), rel('boss', 'sameTeam', 's2'), rel('boss', 'evaluates', 's1')]);
    expect([...r.closeTo('boss')].sort()).toEqual(['c1', 'c2', 's2']);
    expect(r.closeTo('c1')).toEqual(['boss']);
    expect(r.closeTo('s1')).toEqual([]);
  });
  it('finds the clan within k family/closeTo steps, each member with the chain that links them', () => {
    const r = index([rel('s1', 'family', 'boss'), rel('boss', 'closeTo', 'c1'), rel('c1', 'family', 'c2'), rel('s1', 'sameTeam', 's2')]);
    expect(r.clanOf('s1', 1)).toEqual(new Map([['boss', ['s1', 'boss']]]));
    expect(r.clanOf('s1', 2)).toEqual(new Map([['boss', ['s1', 'boss']], ['c1', ['s1', 'boss', 'c1']]]));
    expect(r.clanOf('s1', 3).get('c2')).toEqual(['s1', 'boss', 'c1', 'c2']);
  });
  it('uses the shortest chain and never includes the person themself', () => {
    const r = index([rel('s1', 'family', 'a'), rel('a', 'family', 'b'), rel('b', 'closeTo', 'c1'), rel('s1', 'closeTo', 'c1'), rel('c1', 'family', 's1')]);
    const clan = r.clanOf('s1', 5);
    expect(clan.get('c1')).toEqual(['s1', 'c1']);
    expect(clan.has('s1')).toBe(false);
    expect(clan.get('b')?.length).toBe(3);
  });
  it('is empty for someone without relations', () => {
    expect(index([]).clanOf('s1', 3).size).toBe(0);
  });
});
