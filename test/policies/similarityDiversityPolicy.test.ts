import { describe, expect, it } from 'vitest';
import { combinePolicies } from '../../src/engine/combinePolicies.js';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyContext } from '../../src/policies/policy.js';
import { preferencePolicy } from '../../src/policies/preferencePolicy.js';
import { similarityDiversityPolicy } from '../../src/policies/similarityDiversityPolicy.js';
import { coach, coachee, cohortDoc, contextOf, pairCodes, pairIndex, termOf } from './support.js';

// Pool: men and Dutch in the majority (3 of 4 each).
const coaches = [
  coach('c1', { gender: 'm', nationality: 'NL' }),
  coach('c2', { gender: 'm', nationality: 'NL' }),
  coach('c3', { gender: 'f', nationality: 'NL' }),
  coach('c4', { gender: 'm', nationality: 'DE' }),
];
const coachees = [
  coachee('insider', { gender: 'm', nationality: 'NL' }), // insiderness 1
  coachee('middle', { gender: 'f', nationality: 'NL' }), // (1/3 + 1) / 2 = 2/3
  coachee('pioneer', { gender: 'x', nationality: 'CN' }), // 0
];
const context = (overrides = {}) => contextOf(cohortDoc({ coaches, coachees }), overrides);

/** Expects `term[i, j] = f(i, j)` on every pair. */
function expectEveryPair(ctx: PolicyContext, values: Float64Array, f: (row: number, col: number) => number) {
  const cols = ctx.features.coachIds.length;
  values.forEach((v, p) => expect(v, `pair ${p}`).toBeCloseTo(f(Math.floor(p / cols), p % cols), 12));
}

describe('similarityDiversityPolicy', () => {
  it('has coachees of known insiderness (a check on the set-up)', () => {
    expect([...context().features.insiderness].map((x) => +x.toFixed(6))).toEqual([1, +(2 / 3).toFixed(6), 0]);
  });

  it('weighs common ground by 2(1 − b)·w_cg and difference by 2b·w_diff, b the insiderness with the insider threshold moved to ½', () => {
    for (const insiderThreshold of [0.75, 0.6, 0.5, 1]) {
      const ctx = context({ insiderThreshold });
      const out = similarityDiversityPolicy.apply(ctx);
      const { weights } = ctx.settings;
      const t = insiderThreshold;
      // b: s / 2t below the threshold; ½ + (s − t) / 2(1 − t) from it (½ when t is 1).
      const b = [...ctx.features.insiderness].map((s) => (s < t ? s / (2 * t) : t === 1 ? 0.5 : 0.5 + (s - t) / (2 * (1 - t))));
      expectEveryPair(ctx, termOf(out, 'commonGround').values, (i, j) => 2 * (1 - b[i]!) * weights.commonGround * ctx.features.commonGround.get(i, j));
      expectEveryPair(ctx, termOf(out, 'difference').values, (i, j) => 2 * b[i]! * weights.difference * ctx.features.difference.get(i, j));
    }
  });

  it('steers a pioneer just below the insider threshold to common ground, not to a coach sharing nothing', () => {
    // B (f, NL) among coaches (m, NL) ×2, (f, NL), (m, DE): insiderness (1/3 + 1) / 2 = 2/3, a
    // pioneer under the 0.75 threshold. Slid on insiderness itself, difference outweighed
    // common ground above ½, and she went to the (m, DE) coach who shares nothing with her.
    const support = { socioEmotional: 5, network: 5, autonomy: 5, career: 5 };
    const person = (id: string, gender: string, nat: string) => ({ id, name: id.toUpperCase(), capacity: 1, attributes: { gender, nat }, support });
    const cohort = parseCohort({
      attributes: [{ key: 'gender', kind: 'categorical', role: 'identity' }, { key: 'nat', kind: 'categorical', role: 'identity' }],
      coaches: [person('c1', 'm', 'NL'), person('c2', 'm', 'NL'), person('c3', 'f', 'NL'), person('c4', 'm', 'DE')],
      coachees: [{ id: 'b', name: 'B', attributes: { gender: 'f', nat: 'NL' }, needs: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } }],
    });
    for (const candidates of ['never', 'always'] as const) {
      const entry = match(cohort, { candidates }).coachees[0]!;
      expect(entry).toMatchObject({ status: 'matched', coacheeType: 'pioneer', coachId: 'c3' });
    }
  });

  it('gives a full insider no common-ground weight and a full pioneer no difference weight', () => {
    const ctx = context();
    const out = similarityDiversityPolicy.apply(ctx);
    const cg = termOf(out, 'commonGround').values;
    const diff = termOf(out, 'difference').values;
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      expect(cg[pairIndex(ctx, 'insider', c)]).toBe(0);
      expect(diff[pairIndex(ctx, 'pioneer', c)]).toBe(0);
    }
    // …while the insider is rewarded for a different coach, and a pioneer for common ground.
    expect(diff[pairIndex(ctx, 'insider', 'c4')]).toBeGreaterThan(0);
    expect(cg[pairIndex(ctx, 'middle', 'c3')]).toBeGreaterThan(cg[pairIndex(ctx, 'middle', 'c4')]!);
  });

  it('charges an insider minDifferencePenalty per unit of difference short of the minimum, and nobody else', () => {
    const ctx = context();
    const out = similarityDiversityPolicy.apply(ctx);
    const short = termOf(out, 'insiderTooSimilar').values;
    const { minDifferencePenalty: penalty, minDifferenceForInsiders: min } = ctx.settings;
    // c1 and c2 are identical to the insider (difference 0); c3 and c4 differ on one of two attributes (0.5 ≥ 0.35).
    expect(short[pairIndex(ctx, 'insider', 'c1')]).toBeCloseTo(-penalty * min, 12);
    expect(short[pairIndex(ctx, 'insider', 'c2')]).toBeCloseTo(-penalty * min, 12);
    expect(short[pairIndex(ctx, 'insider', 'c3')]).toBe(0);
    expect(short[pairIndex(ctx, 'insider', 'c4')]).toBe(0);
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      expect(short[pairIndex(ctx, 'middle', c)]).toBe(0);
      expect(short[pairIndex(ctx, 'pioneer', c)]).toBe(0);
    }
    expect(out.bans ?? []).toEqual([]);
  });

  it('counts coachees at the insider threshold as insiders', () => {
    const ctx = context({ insiderThreshold: 2 / 3 });
    const short = termOf(similarityDiversityPolicy.apply(ctx), 'insiderTooSimilar').values;
    // middle (2/3) is now an insider: c3 is identical to her.
    expect(short[pairIndex(ctx, 'middle', 'c3')]).toBeLessThan(0);
  });

  it('bans the insider’s too-similar coaches, waivably, with hardMinDifference', () => {
    const ctx = context({ hardMinDifference: true });
    const out = similarityDiversityPolicy.apply(ctx);
    expect(pairCodes(ctx, out.bans)).toEqual(['insider×c1:insufficientDifference', 'insider×c2:insufficientDifference']);
    expect(out.bans?.every((b) => b.waivable === true)).toBe(true);
  });

  it('has no minimum at all with minDifferenceForInsiders 0', () => {
    const ctx = context({ hardMinDifference: true, minDifferenceForInsiders: 0 });
    const out = similarityDiversityPolicy.apply(ctx);
    expect(out.bans ?? []).toEqual([]);
    expect([...termOf(out, 'insiderTooSimilar').values].every((v) => v === 0)).toBe(true);
  });

  describe('the waiver of the hard minimum', () => {
    // Two coaches, both identical to the insider.
    const twins = cohortDoc({
      coaches: [coach('c1', { gender: 'm', nationality: 'NL' }, { capacity: 2 }), coach('c2', { gender: 'm', nationality: 'NL' })],
      coachees: [coachee('insider', { gender: 'm', nationality: 'NL' }), coachee('other', { gender: 'm', nationality: 'NL' }, { avoid: ['c1'] })],
    });

    it('lifts the bans of an insider whom they would leave with no allowed coach', () => {
      const ctx = contextOf(twins, { hardMinDifference: true });
      const parts = [similarityDiversityPolicy.apply(ctx), preferencePolicy.apply(ctx)];
      const combined = combinePolicies(ctx.features.coacheeIds.length, ctx.features.coachIds.length, parts);
      expect(combined.waived.map((b) => b.code)).toEqual(Array(4).fill('insufficientDifference'));
      // What stays banned is the other coachee's own "not this coach".
      expect([...combined.bans.values()].flat().map((b) => b.code)).toEqual(['avoided']);
    });

    it('so the engine still places such an insider', () => {
      const matching = match(parseCohort(twins), { policy: { hardMinDifference: true } });
      expect(matching.coachees.map((c) => c.status)).toEqual(['matched', 'matched']);
    });

    it('keeps the bans when one allowed coach reaches the minimum, even if a better-fitting one does not', () => {
      const doc = cohortDoc({
        coaches: [coach('similar', { gender: 'm', nationality: 'NL', sector: 'HR' }), coach('different', { gender: 'f', nationality: 'DE' }), coach('c3', { gender: 'm', nationality: 'NL' })],
        coachees: [coachee('insider', { gender: 'm', nationality: 'NL' }, { aspiration: { sector: 'HR' } })],
      });
      const cohort = parseCohort(doc);
      // Aspiration weighs 3: the similar coach's fit (3) beats the different coach's difference (0.8) plus the shortfall (0.28)…
      const weights = { aspiration: 3 };
      expect(match(cohort, { policy: { weights } }).coachees[0]).toMatchObject({ coachId: 'similar' });
      // …but not a hard minimum that another allowed coach meets.
      expect(match(cohort, { policy: { weights, hardMinDifference: true } }).coachees[0]).toMatchObject({ coachId: 'different' });
    });
  });
});
