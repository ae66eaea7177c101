import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match, toAssignmentProblem } from '../../src/engine/match.js';
import { combinePolicies } from '../../src/engine/combinePolicies.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { priorityPolicy } from '../../src/policies/priorityPolicy.js';
import { priorityWeight } from '../../src/policies/priorityWeight.js';
import { coach, coachee, cohortDoc, contextOf } from './support.js';

const doc = cohortDoc({
  coaches: [coach('c1')],
  coachees: [coachee('s1', {}, { priority: 0 }), coachee('s2', {}, { priority: 1 }), coachee('s3', {}, { priority: 2.5 })],
});

describe('priorityPolicy', () => {
  it('multiplies each coachee’s row by 1 + w·(priority − 1)', () => {
    const ctx = contextOf(doc, { weights: { priority: 0.5 } });
    expect([...priorityPolicy.apply(ctx).rowMultiplier!]).toEqual([0.5, 1, 1.75]);
  });
  it('never goes below 0', () => {
    const ctx = contextOf(doc, { weights: { priority: 3 } });
    expect([...priorityPolicy.apply(ctx).rowMultiplier!]).toEqual([0, 1, 5.5]);
  });
  it('ignores priorities with weight 0', () => {
    const ctx = contextOf(doc, { weights: { priority: 0 } });
    expect([...priorityPolicy.apply(ctx).rowMultiplier!]).toEqual([1, 1, 1]);
  });
  it('scales the utilities the solver sees, not the reported scores', () => {
    const ctx = contextOf(doc);
    const combined = combinePolicies(3, 1, defaultPolicies.map((p) => p.apply(ctx)));
    const weights = toAssignmentProblem(combined, true).weights!;
    expect(weights[2]![0]).toBeCloseTo(2.5 * combined.utility[2]!, 12);
    const matching = match(parseCohort(doc));
    const entry = matching.coachees.find((c) => c.status === 'matched')!;
    expect(entry.status === 'matched' && entry.score).toBeCloseTo(combined.utility[2]!, 12);
  });
  it('gives a scarce coach to the coachee who stands to gain most', () => {
    const two = (p1: number, p2: number) =>
      cohortDoc({ coaches: [coach('c1')], coachees: [coachee('s1', {}, { priority: p1 }), coachee('s2', {}, { priority: p2 })] });
    const winner = (p1: number, p2: number) => match(parseCohort(two(p1, p2))).coaches[0]!.coacheeIds;
    expect(winner(1, 2)).toEqual(['s2']);
    expect(winner(2, 1)).toEqual(['s1']);
  });
  it('serves the coachee of higher priority first also when every pair scores below 0', () => {
    // Two alike insiders and one place with a coach just like them: each pair scores
    // support fit minus the too-similar penalty, below 0. Multiplying that loss by 5 had
    // given the place to the coachee of priority 1.
    const support = { socioEmotional: 5, network: 5, autonomy: 5, career: 5 };
    const needs = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const person = (id: string, extra: object) => ({ id, name: id.toUpperCase(), attributes: { gender: 'm' }, ...extra });
    const scarce = (hi: number, lo: number) => ({
      attributes: [{ key: 'gender', kind: 'categorical', role: 'identity' }],
      coaches: [person('c1', { capacity: 1, support }), person('c2', { capacity: 0, support })],
      coachees: [person('hi', { needs, priority: hi }), person('lo', { needs, priority: lo })],
    });
    for (const candidates of ['never', 'always'] as const) {
      const matching = match(parseCohort(scarce(5, 1)), { candidates });
      const entry = matching.coachees.find((c) => c.coacheeId === 'hi')!;
      expect(entry.status === 'matched' && entry.score).toBeLessThan(0);
      expect(matching.coaches[0]!.coacheeIds).toEqual(['hi']);
      expect(match(parseCohort(scarce(1, 5)), { candidates }).coaches[0]!.coacheeIds).toEqual(['lo']);
    }
  });
});

describe(priorityWeight, () => {
  it('counts a gain multiplier times and a loss multiplier times less, never decreasing in the utility', () => {
    const utility = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(-Infinity), fc.constant(0));
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true })), utility, utility, (m, u, v) => {
        const [low, high] = u <= v ? [u, v] : [v, u];
        expect(priorityWeight(m, low)).toBeLessThanOrEqual(priorityWeight(m, high));
        if (u >= 0) expect(priorityWeight(m, u)).toBe(m * u);
        if (u < 0 && u > -Infinity && m > 0) expect(priorityWeight(m, u)).toBe(u / m);
        // A higher multiplier never weighs a pair less, whatever its sign (multiplier 0 is
        // apart: such a coachee weighs every pair 0, see RowScan.indifferent).
        if (u > -Infinity && m > 0) expect(priorityWeight(m + 1, u)).toBeGreaterThanOrEqual(priorityWeight(m, u));
      }),
    );
  });
});
