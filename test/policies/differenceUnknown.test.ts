/**
 * A pair with no identity attribute known on both sides has an unknown difference. Its
 * difference of 0 is no evidence of sameness (a CSV cohort with empty cells would otherwise
 * ban real coaches), so an insider gets no shortfall and no ban for such a coach, only the
 * flag `differenceUnknown`. The insider (m, NL) holds the pool's typical values: insiderness 1.
 */
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { MatchedCoachee } from '../../src/engine/matching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { similarityDiversityPolicy } from '../../src/policies/similarityDiversityPolicy.js';
import { coach, coachee, cohortDoc, contextOf, pairCodes, pairIndex, termOf } from './support.js';

const attributes = [
  { key: 'gender', kind: 'categorical', role: 'identity' },
  { key: 'nationality', kind: 'categorical', role: 'identity' },
  { key: 'hometown', kind: 'text', role: 'identity' },
  { key: 'sector', kind: 'categorical', role: 'profession' },
] as const;
const doc = cohortDoc({
  attributes: attributes.map((a) => ({ ...a })),
  coaches: [
    coach('same', { gender: 'm', nationality: 'NL' }), // identical: difference 0, known
    coach('blank'), // no identity data at all
    coach('elsewhere', { hometown: 'Heerlen' }), // data, but none the insider has
  ],
  coachees: [coachee('insider', { gender: 'm', nationality: 'NL' }), coachee('empty')],
});
const message = 'difference unknown: no identity attribute is known for both; not counted as too similar';

describe('an unknown difference', () => {
  it('is not banned under hardMinDifference, costs no shortfall and is flagged differenceUnknown', () => {
    const ctx = contextOf(doc, { hardMinDifference: true });
    expect(ctx.features.insiderness[ctx.features.coacheeIds.indexOf('insider')]).toBe(1);
    const out = similarityDiversityPolicy.apply(ctx);
    expect(pairCodes(ctx, out.bans)).toEqual(['insider×same:insufficientDifference']);
    expect(pairCodes(ctx, out.flags)).toEqual(['insider×blank:differenceUnknown', 'insider×elsewhere:differenceUnknown']);
    expect(out.flags?.every((f) => f.message === message)).toBe(true);
    const short = termOf(out, 'insiderTooSimilar').values;
    expect(short[pairIndex(ctx, 'insider', 'blank')]).toBe(0);
    expect(short[pairIndex(ctx, 'insider', 'elsewhere')]).toBe(0);
    expect(short[pairIndex(ctx, 'insider', 'same')]).toBeCloseTo(-ctx.settings.minDifferencePenalty * ctx.settings.minDifferenceForInsiders, 12);
    // The difference term itself stays 0: no reward either.
    expect(termOf(out, 'difference').values[pairIndex(ctx, 'insider', 'blank')]).toBe(0);
  });

  it('is told apart from a known difference of 0 in the feature tables', () => {
    const { features } = contextOf(doc);
    const at = (coachId: string) => [features.coacheeIds.indexOf('insider'), features.coachIds.indexOf(coachId)] as const;
    expect(features.difference.get(...at('same'))).toBe(0);
    expect(features.differenceKnown.get(...at('same'))).toBe(1);
    for (const id of ['blank', 'elsewhere']) {
      expect(features.difference.get(...at(id))).toBe(0);
      expect(features.differenceKnown.get(...at(id))).toBe(0);
    }
  });

  it('flags nothing without a minimum difference, and only insiders', () => {
    const none = contextOf(doc, { minDifferenceForInsiders: 0 });
    expect(similarityDiversityPolicy.apply(none).flags ?? []).toEqual([]);
    // "empty" has no identity data: insiderness 0, a pioneer, never flagged.
    const ctx = contextOf(doc);
    expect(pairCodes(ctx, similarityDiversityPolicy.apply(ctx).flags).filter((c) => c.startsWith('empty'))).toEqual([]);
  });

  it.each(['never', 'always'] as const)('lets the engine give a hard-minimum insider a coach of unknown difference, said so (candidates: %s)', (candidates) => {
    // Only "same" and "blank" have places: "same" is banned, "blank" allowed without a waiver.
    const cohort = parseCohort(cohortDoc({
      attributes: attributes.map((a) => ({ ...a })),
      coaches: [coach('same', { gender: 'm', nationality: 'NL' }), coach('blank')],
      coachees: [coachee('insider', { gender: 'm', nationality: 'NL' })],
    }));
    const matching = match(cohort, { candidates, policy: { preset: 'diversity-first' } });
    const entry = matching.coachees[0] as MatchedCoachee;
    expect(entry).toMatchObject({ status: 'matched', coacheeType: 'insider', coachId: 'blank', difference: null });
    expect(entry.flags).toEqual([{ code: 'differenceUnknown', message }]);
    expect(entry.terms.find((t) => t.key === 'insiderTooSimilar')?.value).toBe(0);
    expect(matching.kpis).toMatchObject({ insidersSufficientlyDifferent: 0, insidersDifferenceUnknown: 1 });
  });

  it('is counted by a flaggedPairs quota', () => {
    // At most 0 pairs of unknown difference: the insider goes to the too-similar coach instead.
    const quotas = [{ kind: 'flaggedPairs' as const, name: 'unknown', flag: 'differenceUnknown', max: 0 }];
    const base = cohortDoc({
      attributes: attributes.map((a) => ({ ...a })),
      coaches: [coach('same', { gender: 'm', nationality: 'NL' }), coach('blank')],
      coachees: [coachee('insider', { gender: 'm', nationality: 'NL' })],
    });
    expect(match(parseCohort(base)).coachees[0]).toMatchObject({ coachId: 'blank' });
    const capped = match(parseCohort({ ...base, policy: { quotas } }));
    expect(capped.coachees[0]).toMatchObject({ coachId: 'same' });
    expect(capped.quotaReport!.quotas[0]).toMatchObject({ count: 0, of: 1, binding: true });
  });
});
