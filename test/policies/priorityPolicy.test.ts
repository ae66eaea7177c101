import { describe, expect, it } from 'vitest';
import { match, toAssignmentProblem } from '../../src/engine/match.js';
import { combinePolicies } from '../../src/engine/combinePolicies.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { priorityPolicy } from '../../src/policies/priorityPolicy.js';
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
});
