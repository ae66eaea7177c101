/**
 * The built-in flag `insufficientDifference`: an insider's coach below the minimum difference
 * is flagged (red team 3b §3), a hard minimum that was waived says so on the chosen pair
 * (§6), and a flaggedPairs quota can count such pairs. The cohort is built so the expected
 * values follow by hand: the insider i shares both identity values with every coach, so each
 * pair's difference is 0, below the minimum (0.35 by default, 0.45 in diversity-first).
 */
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { CoachmatchError } from '../../src/errors.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';

const fives = { socioEmotional: 5, network: 5, autonomy: 5, career: 5 };
const identity = { gender: 'm', nat: 'NL' };
const cohort = (policy: Record<string, unknown> = {}): CohortInput => ({
  attributes: [
    { key: 'gender', kind: 'categorical', role: 'identity' },
    { key: 'nat', kind: 'categorical', role: 'identity' },
  ],
  coaches: ['c1', 'c2'].map((id) => ({ id, name: id.toUpperCase(), capacity: 1, attributes: identity, support: fives })),
  coachees: [{ id: 'i', name: 'I', attributes: identity, needs: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } }],
  policy,
});
const quota = (bounds: { min?: number; max?: number }) => ({ quotas: [{ kind: 'flaggedPairs', name: 'tooSimilar', flag: 'insufficientDifference', ...bounds }] });

describe.each(['never', 'always'] as const)('insufficientDifference flag (candidates: %s)', (candidates) => {
  it('flags an insider whose coach is below the minimum difference, without counting it as a conflict', () => {
    const matching = match(parseCohort(cohort()), { candidates });
    const entry = matching.coachees[0]!;
    expect(entry.status === 'matched' && entry.coacheeType).toBe('insider');
    expect(entry.status === 'matched' && entry.flags).toEqual([
      { code: 'insufficientDifference', message: 'too similar for an insider: difference 0.00, below the minimum 0.35' },
    ]);
    // A KPI of role conflicts: being too similar is not one.
    expect(matching.kpis).toMatchObject({ conflictPairs: 0, conflictsAvoided: 0, insidersSufficientlyDifferent: 0 });
  });

  it('says on the chosen pair that a hard minimum difference was waived', () => {
    const matching = match(parseCohort(cohort({ preset: 'diversity-first' })), { candidates });
    const entry = matching.coachees[0]!;
    expect(entry.status).toBe('matched');
    expect(entry.status === 'matched' && entry.flags).toEqual([
      {
        code: 'insufficientDifference',
        message: 'too similar for an insider: difference 0.00, below the minimum 0.45; the hard minimum was waived, since every coach with places is too similar or banned for this coachee',
      },
    ]);
  });
});

describe('flaggedPairs quota on insufficientDifference', () => {
  it('at most 0 such pairs: the insider, whose every coach is too similar, stays unmatched (infeasible when strict)', () => {
    const matching = match(parseCohort(cohort(quota({ max: 0 }))));
    expect(matching.coachees[0]!.status).toBe('unmatched');
    expect(matching.quotaReport!.quotas[0]).toMatchObject({ count: 0, of: 2, binding: true, coacheesLost: 1 });
    // Both reports say what the quota costs: a place, not a total.
    for (const report of [renderMarkdown(matching), renderHtml(matching)]) expect(report).toContain('0 of 2, binds, keeps 1 coachee(s) unplaced');
    expect(match(parseCohort(cohort(quota({ max: 0 }))), { allowUnmatched: false }).status).toBe('infeasible');
  });

  it('at least 1 such pair: met by matching the insider to either coach', () => {
    const matching = match(parseCohort(cohort(quota({ min: 1 }))));
    expect(matching.status).toBe('optimal');
    expect(matching.coachees[0]!.status).toBe('matched');
    expect(matching.quotaReport!.quotas[0]).toMatchObject({ count: 1, of: 2, binding: false });
  });

  it('refuses a flag code no policy emits, at its path, listing the known codes', () => {
    let error: unknown;
    try {
      parseCohort(cohort({ quotas: [{ kind: 'commonGround' }, { kind: 'flaggedPairs', flag: 'discloseDualrole', max: 0 }] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoachmatchError);
    expect((error as CoachmatchError).kind).toBe('invalidCohort');
    expect((error as CoachmatchError).issues).toEqual([
      {
        path: '$.policy.quotas[1].flag',
        message: 'unknown flag code "discloseDualrole" (did you mean "discloseDualRole"?); the known codes are discloseDualRole, closeToEvaluator, previouslyCoached, sameTeam, clan, insufficientDifference, differenceUnknown, and a policy of your own names its codes with a prefix, such as "acme.mentorTrained"',
      },
    ]);
  });
});
