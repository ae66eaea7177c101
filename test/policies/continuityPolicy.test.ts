import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { continuityPolicy } from '../../src/policies/continuityPolicy.js';
import { coach, coachee, cohortDoc, contextOf, nonZero, termOf } from './support.js';

const doc = cohortDoc({
  coaches: [coach('c1'), coach('c2'), coach('gone', {}, { active: false })],
  coachees: [coachee('s1', {}, { currentCoach: 'c2' }), coachee('s2'), coachee('s3', {}, { currentCoach: 'gone' })],
});

describe('continuityPolicy', () => {
  it('adds weights.continuity to the pair of a coachee and their current coach only', () => {
    const ctx = contextOf(doc);
    expect(nonZero(ctx, termOf(continuityPolicy.apply(ctx), 'continuity'))).toEqual({ 's1×c2': ctx.settings.weights.continuity });
  });
  it('uses the configured weight, and 0 switches it off', () => {
    const ctx = contextOf(doc, { weights: { continuity: 0.9 } });
    expect(nonZero(ctx, termOf(continuityPolicy.apply(ctx), 'continuity'))).toEqual({ 's1×c2': 0.9 });
    const off = contextOf(doc, { weights: { continuity: 0 } });
    expect(nonZero(off, termOf(continuityPolicy.apply(off), 'continuity'))).toEqual({});
  });
  it('lets the engine keep the current coach among otherwise equal ones', () => {
    const single = cohortDoc({ coaches: [coach('c1'), coach('c2')], coachees: [coachee('s1', {}, { currentCoach: 'c2' })] });
    expect(match(parseCohort(single)).coachees[0]).toMatchObject({ coachId: 'c2' });
  });
});
