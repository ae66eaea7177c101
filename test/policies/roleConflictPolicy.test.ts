import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { defaultPolicy } from '../../src/model/defaultPolicy.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { RelationType } from '../../src/model/relationSchema.js';
import { roleConflictPolicy } from '../../src/policies/roleConflictPolicy.js';
import { coach, coachee, cohortDoc, contextOf, nonZero, pairCodes, rel, termOf } from './support.js';

const coaches = [coach('c1'), coach('c2'), coach('c3')];
const coachees = [coachee('s1'), coachee('s2')];
const apply = (relations: ReturnType<typeof rel>[], overrides = {}) => {
  const context = contextOf(cohortDoc({ coaches, coachees, relations }), overrides);
  const out = roleConflictPolicy.apply(context);
  return { context, out, penalties: nonZero(context, termOf(out, 'roleConflicts')) };
};

describe('roleConflictPolicy', () => {
  describe.each<RelationType>(['evaluates', 'manages'])('when the coach %s the coachee (a dual role)', (type) => {
    it('penalises exactly that pair by dualRolePenalty and flags "discloseDualRole"', () => {
      const { context, out, penalties } = apply([rel('c1', type, 's1')]);
      expect(penalties).toEqual({ 's1×c1': -context.settings.dualRolePenalty });
      expect(pairCodes(context, out.flags)).toEqual(['s1×c1:discloseDualRole']);
      expect(out.bans ?? []).toEqual([]);
    });
    it('uses the configured penalty', () => {
      const { penalties } = apply([rel('c1', type, 's1')], { dualRolePenalty: 0.4 });
      expect(penalties).toEqual({ 's1×c1': -0.4 });
    });
    it("bans the pair instead with dualRole: 'ban'", () => {
      const { context, out, penalties } = apply([rel('c1', type, 's1')], { dualRole: 'ban' });
      expect(pairCodes(context, out.bans)).toEqual(['s1×c1:dualRole']);
      expect(penalties).toEqual({});
      expect(out.flags ?? []).toEqual([]);
    });
    it('is no dual role when the coachee is the one who evaluates or manages the coach', () => {
      const { out, penalties } = apply([rel('s1', type, 'c1')]);
      expect(penalties).toEqual({});
      expect(out.flags ?? []).toEqual([]);
    });
  });

  describe.each<RelationType>(['closeTo', 'family', 'sameTeam'])('when the coach is %s with the coachee’s evaluator', (link) => {
    it('penalises the pair by closeToEvaluatorPenalty and flags "closeToEvaluator"', () => {
      const { context, out, penalties } = apply([rel('boss', 'evaluates', 's1'), rel('boss', link, 'c2')]);
      expect(penalties).toEqual({ 's1×c2': -context.settings.closeToEvaluatorPenalty });
      expect(pairCodes(context, out.flags)).toEqual(['s1×c2:closeToEvaluator']);
    });
    it('does so whichever way round the symmetric relation is written', () => {
      const a = apply([rel('boss', 'manages', 's1'), rel('boss', link, 'c2')]).penalties;
      const b = apply([rel('boss', 'manages', 's1'), rel('c2', link, 'boss')]).penalties;
      expect(b).toEqual(a);
    });
  });

  it('by default penalises closeness to the evaluator more than an open dual role', () => {
    expect(defaultPolicy.closeToEvaluatorPenalty).toBeGreaterThan(defaultPolicy.dualRolePenalty);
    const { penalties } = apply([rel('c1', 'evaluates', 's1'), rel('c1', 'closeTo', 'c2')]);
    expect(penalties['s1×c2']!).toBeLessThan(penalties['s1×c1']!);
  });

  it('so the engine prefers the open dual role to the coach close to the evaluator, all else equal', () => {
    // s1 can have c1 (who evaluates her) or c2 (c1's close friend); both fit her equally.
    const doc = cohortDoc({
      coaches: [coach('c1'), coach('c2')],
      coachees: [coachee('s1')],
      relations: [rel('c1', 'evaluates', 's1'), rel('c1', 'closeTo', 'c2')],
    });
    const entry = match(parseCohort(doc)).coachees[0]!;
    expect(entry).toMatchObject({ status: 'matched', coachId: 'c1' });
    expect(entry.status === 'matched' && entry.flags.map((f) => f.code)).toEqual(['discloseDualRole']);
  });

  it('counts a coach who both evaluates and manages the coachee (a line manager) as one dual role, with one flag', () => {
    const { context, out, penalties } = apply([rel('c1', 'evaluates', 's1'), rel('c1', 'manages', 's1')]);
    expect(penalties).toEqual({ 's1×c1': -context.settings.dualRolePenalty });
    const flags = out.flags!.filter((f) => f.code === 'discloseDualRole');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('evaluates and manages');
    expect(apply([rel('c1', 'evaluates', 's1'), rel('c1', 'manages', 's1')], { dualRole: 'ban' }).out.bans).toHaveLength(1);
  });

  it('so the engine prefers a line manager in the coachee’s team to a coach close to the evaluator, all else equal', () => {
    // cH evaluates and manages x and works in x's team; cF is close to x's evaluator ev.
    const doc = cohortDoc({
      coaches: [coach('cF'), coach('cH')],
      coachees: [coachee('x')],
      relations: [rel('cH', 'evaluates', 'x'), rel('cH', 'manages', 'x'), rel('cH', 'sameTeam', 'x'), rel('ev', 'evaluates', 'x'), rel('ev', 'closeTo', 'cF')],
    });
    expect(match(parseCohort(doc)).coachees[0]).toMatchObject({ status: 'matched', coachId: 'cH' });
  });

  it('penalises a coach who reports to, or oversees, the coachee’s evaluator as a channel to the evaluator', () => {
    // boss evaluates s1; c2 is managed by boss, c3 manages boss; c1 has no link.
    const { context, out, penalties } = apply([rel('boss', 'evaluates', 's1'), rel('boss', 'manages', 'c2'), rel('c3', 'evaluates', 'boss')]);
    const p = context.settings.closeToEvaluatorPenalty;
    expect(penalties).toEqual({ 's1×c2': -p, 's1×c3': -p });
    const messages = out.flags!.filter((f) => f.code === 'closeToEvaluator').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('reports to'), expect.stringContaining('oversees')]));
  });

  it('penalises a coach close to two of the coachee’s evaluators only once', () => {
    const { context, penalties } = apply([
      rel('boss', 'evaluates', 's1'),
      rel('mentor', 'manages', 's1'),
      rel('boss', 'closeTo', 'c2'),
      rel('mentor', 'family', 'c2'),
    ]);
    expect(penalties).toEqual({ 's1×c2': -context.settings.closeToEvaluatorPenalty });
  });

  it('does not penalise closeness to someone who evaluates another coachee', () => {
    const { penalties } = apply([rel('boss', 'evaluates', 's2'), rel('boss', 'closeTo', 'c2')]);
    expect(Object.keys(penalties)).toEqual(['s2×c2']);
  });

  it('adds up the penalties of a pair with several conflicts', () => {
    const { context, penalties } = apply([rel('c1', 'manages', 's1'), rel('c1', 'sameTeam', 's1'), rel('c1', 'previouslyCoached', 's1')], {
      previouslyCoached: 'penalise',
    });
    const s = context.settings;
    expect(penalties['s1×c1']).toBeCloseTo(-(s.dualRolePenalty + s.sameTeamPenalty + s.previouslyCoachedPenalty), 12);
  });

  describe('when the coach coached the coachee before', () => {
    it("allows it without penalty or flag under previouslyCoached: 'allow' (the default)", () => {
      expect(defaultPolicy.previouslyCoached).toBe('allow');
      const { out, penalties } = apply([rel('c1', 'previouslyCoached', 's1')]);
      expect(penalties).toEqual({});
      expect(out.flags ?? []).toEqual([]);
    });
    it("penalises and flags it under 'penalise'", () => {
      const { context, out, penalties } = apply([rel('c1', 'previouslyCoached', 's1')], { previouslyCoached: 'penalise' });
      expect(penalties).toEqual({ 's1×c1': -context.settings.previouslyCoachedPenalty });
      expect(pairCodes(context, out.flags)).toEqual(['s1×c1:previouslyCoached']);
    });
    it("bans it under 'ban'", () => {
      const { context, out, penalties } = apply([rel('c1', 'previouslyCoached', 's1')], { previouslyCoached: 'ban' });
      expect(pairCodes(context, out.bans)).toEqual(['s1×c1:previouslyCoached']);
      expect(penalties).toEqual({});
    });
  });

  it('mildly penalises a coach and coachee in the same team, written either way', () => {
    for (const r of [rel('c1', 'sameTeam', 's1'), rel('s1', 'sameTeam', 'c1')]) {
      const { context, out, penalties } = apply([r]);
      expect(penalties).toEqual({ 's1×c1': -context.settings.sameTeamPenalty });
      expect(pairCodes(context, out.flags)).toEqual(['s1×c1:sameTeam']);
    }
  });

  it('ignores relations that join no coach to a coachee', () => {
    const { penalties, out } = apply([rel('c1', 'evaluates', 'c2'), rel('s1', 'manages', 's2'), rel('boss', 'closeTo', 'c3')]);
    expect(penalties).toEqual({});
    expect(out.bans ?? []).toEqual([]);
  });

  it('leaves inactive coaches out: they are not columns', () => {
    const context = contextOf(
      cohortDoc({ coaches: [coach('c1', {}, { active: false }), coach('c2')], coachees, relations: [rel('c1', 'evaluates', 's1')] }),
    );
    const out = roleConflictPolicy.apply(context);
    expect(nonZero(context, termOf(out, 'roleConflicts'))).toEqual({});
  });
});
