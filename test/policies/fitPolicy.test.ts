import { describe, expect, it } from 'vitest';
import { fitPolicy } from '../../src/policies/fitPolicy.js';
import { coach, coachee, cohortDoc, contextOf, termOf } from './support.js';

const doc = cohortDoc({
  coaches: [
    coach('c1', { sector: 'HR' }, { support: { socioEmotional: 5, network: 5, autonomy: 5, career: 5 } }),
    coach('c2', { sector: 'education' }, { support: { socioEmotional: 1, network: 2, autonomy: 1, career: 1 } }),
  ],
  coachees: [coachee('s1', {}, { aspiration: { sector: 'HR' } }), coachee('s2', {}, { aspiration: { sector: 'education' } })],
});

describe('fitPolicy', () => {
  it('adds aspiration fit × weights.aspiration and support fit × weights.support for every pair', () => {
    const ctx = contextOf(doc, { weights: { aspiration: 2, support: 0.5 } });
    const out = fitPolicy.apply(ctx);
    const cols = ctx.features.coachIds.length;
    termOf(out, 'aspiration').values.forEach((v, p) => expect(v).toBeCloseTo(2 * ctx.features.aspiration.get(Math.floor(p / cols), p % cols), 12));
    termOf(out, 'support').values.forEach((v, p) => expect(v).toBeCloseTo(0.5 * ctx.features.support.get(Math.floor(p / cols), p % cols), 12));
  });
  it('rewards the coach whose job the coachee aims for', () => {
    const ctx = contextOf(doc);
    const aspiration = termOf(fitPolicy.apply(ctx), 'aspiration').values;
    expect([...aspiration]).toEqual([1, 0, 0, 1]);
  });
  it('contributes nothing for a term whose weight is 0', () => {
    const ctx = contextOf(doc, { weights: { aspiration: 0 } });
    expect([...termOf(fitPolicy.apply(ctx), 'aspiration').values].every((v) => v === 0)).toBe(true);
  });
  it('bans nothing', () => {
    expect(fitPolicy.apply(contextOf(doc)).bans ?? []).toEqual([]);
  });
});
