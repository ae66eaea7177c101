import { describe, expect, it } from 'vitest';
import { scarcityPolicy } from '../../src/policies/scarcityPolicy.js';
import { coach, coachee, cohortDoc, contextOf, pairIndex, termOf } from './support.js';

// One Turkish coach among four Dutch ones: a scarce role model for the Turkish pioneer.
const doc = cohortDoc({
  coaches: [
    coach('c1', { nationality: 'NL' }),
    coach('c2', { nationality: 'NL' }),
    coach('c3', { nationality: 'NL' }),
    coach('c4', { nationality: 'NL' }),
    coach('tr', { nationality: 'TR' }),
  ],
  coachees: [coachee('pioneer', { nationality: 'TR' }), coachee('insider', { nationality: 'NL' })],
});

describe('scarcityPolicy', () => {
  it('adds weights.scarcity × (1 − insiderness) × shared rarity for every pair', () => {
    const ctx = contextOf(doc, { weights: { scarcity: 0.7 } });
    const values = termOf(scarcityPolicy.apply(ctx), 'scarcity').values;
    const cols = ctx.features.coachIds.length;
    values.forEach((v, p) => {
      const i = Math.floor(p / cols);
      expect(v).toBeCloseTo(0.7 * (1 - ctx.features.insiderness[i]!) * ctx.features.sharedRarity.get(i, p % cols), 12);
    });
  });
  it('gives the scarce coach first to the pioneer who shares the rare background', () => {
    const ctx = contextOf(doc);
    const values = termOf(scarcityPolicy.apply(ctx), 'scarcity').values;
    const bonus = values[pairIndex(ctx, 'pioneer', 'tr')]!;
    expect(bonus).toBeGreaterThan(0);
    expect(Math.max(...values.filter((_, p) => p !== pairIndex(ctx, 'pioneer', 'tr')))).toBeLessThan(bonus);
  });
  it('gives nothing to a full insider, whatever they share', () => {
    const ctx = contextOf(doc);
    const values = termOf(scarcityPolicy.apply(ctx), 'scarcity').values;
    for (const c of ['c1', 'c2', 'c3', 'c4', 'tr']) expect(values[pairIndex(ctx, 'insider', c)]).toBe(0);
  });
  it('is switched off by weights.scarcity 0', () => {
    const ctx = contextOf(doc, { weights: { scarcity: 0 } });
    expect([...termOf(scarcityPolicy.apply(ctx), 'scarcity').values].every((v) => v === 0)).toBe(true);
  });
});
