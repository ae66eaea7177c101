import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../src/engine/computeKpis.js';
import { coacheeTypeChart } from '../../src/report/coacheeTypeChart.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { match } from '../../src/engine/match.js';
import type { MatchedCoachee } from '../../src/engine/matching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { recompute } from './support.js';

const load = (name: string) => parseCohort(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
/** Codes of role conflicts: dual roles (disclosed or banned), closeness to the evaluator, clan, previous coaching. */
const conflictCodes = new Set(['discloseDualRole', 'dualRole', 'closeToEvaluator', 'clan', 'previouslyCoached']);

const cases: [string, PolicyInput | undefined][] = [
  ['alumni-programme.json', undefined],
  ['alumni-programme.json', { preset: 'diversity-first' }],
  ['hr-department.json', undefined],
  ['hr-department.json', { previouslyCoached: 'penalise', clanBan: false }],
];

describe(computeKpis, () => {
  it.each(cases)('agrees with a direct recount on %s with policy %j', (file, policy) => {
    const cohort = load(file);
    const matching = match(cohort, { policy });
    const { features, settings, combined } = recompute(cohort, policy);
    const cols = features.coachIds.length;
    const k = matching.kpis;

    // Recount from the pairs, reading features by (row, col) rather than the entries' own fields.
    const pairs = matching.coachees.flatMap((e, row) => (e.status === 'matched' ? [{ e, row, col: features.coachIds.indexOf(e.coachId) }] : []));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const isInsider = (row: number) => features.insiderness[row]! >= settings.insiderThreshold;
    const insiderPairs = pairs.filter((p) => isInsider(p.row));
    const pioneerPairs = pairs.filter((p) => !isInsider(p.row));
    const conflictAt = new Set<number>();
    for (const [at, list] of [...combined.bans, ...combined.flags]) if (list.some((x) => conflictCodes.has(x.code))) conflictAt.add(at);
    const chosenConflicts = pairs.filter((p) => conflictAt.has(p.row * cols + p.col)).length;
    // A pair of unknown difference is counted apart while a minimum applies.
    const unknown = (p: { row: number; col: number }) => settings.minDifferenceForInsiders > 0 && features.differenceKnown.get(p.row, p.col) === 0;
    const different = insiderPairs.filter((p) => !unknown(p) && features.difference.get(p.row, p.col) >= settings.minDifferenceForInsiders).length;
    const grounded = pioneerPairs.filter((p) => features.commonGround.get(p.row, p.col) > 0).length;
    const scores = pairs.map((p) => combined.utility[p.row * cols + p.col]!);
    const insiders = [...features.insiderness].filter((x) => x >= settings.insiderThreshold).length;

    expect(pairs.length).toBeGreaterThan(0);
    expect(k.coachees).toBe(cohort.coachees.length);
    expect(k.matched).toBe(pairs.length);
    expect(k.unmatched).toBe(cohort.coachees.length - pairs.length);
    expect(k.meanScore).toBeCloseTo(mean(scores), 9);
    expect(k.worstScore).toBeCloseTo(Math.min(...scores), 9);
    expect(k.meanAspirationFit).toBeCloseTo(mean(pairs.map((p) => features.aspiration.get(p.row, p.col))), 9);
    expect(k.meanSupportFit).toBeCloseTo(mean(pairs.map((p) => features.support.get(p.row, p.col))), 9);
    expect(k.insiders).toBe(insiders);
    expect(k.pioneers).toBe(cohort.coachees.length - insiders);
    expect(k.insidersSufficientlyDifferent).toBe(different);
    expect(k.insidersDifferenceUnknown).toBe(insiderPairs.filter(unknown).length);
    expect(k.insiderShareSufficientlyDifferent).toBe(insiderPairs.length === 0 ? null : different / insiderPairs.length);
    expect(k.pioneersWithCommonGround).toBe(grounded);
    expect(k.pioneerShareWithCommonGround).toBe(pioneerPairs.length === 0 ? null : grounded / pioneerPairs.length);
    expect(k.conflictPairs).toBe(conflictAt.size);
    expect(k.conflictsAvoided).toBe(conflictAt.size - chosenConflicts);
    expect(k.dualRolesDisclosed).toBe(pairs.filter((p) => (combined.flags.get(p.row * cols + p.col) ?? []).some((f) => f.code === 'discloseDualRole')).length);
    expect(k.preferenceHonoured).toBe(pairs.filter((p) => features.coachees[p.row]!.preferences.includes(features.coachIds[p.col]!)).length);
    expect(k.firstChoiceHonoured).toBe(pairs.filter((p) => features.coachees[p.row]!.preferences[0] === features.coachIds[p.col]).length);
    expect(k.coachesUsed).toBe(new Set(pairs.map((p) => p.col)).size);
    expect(k.coachesAvailable).toBe(cohort.coaches.filter((c) => c.active).length);
  });

  it('flags every chosen pair whose coach manages or evaluates the coachee, in the HR department', () => {
    const cohort = load('hr-department.json');
    const matching = match(cohort);
    const hats = new Set(cohort.relations.filter((r) => r.type === 'manages' || r.type === 'evaluates').map((r) => `${r.from}>${r.to}`));
    const matched = matching.coachees.filter((c): c is MatchedCoachee => c.status === 'matched');
    const dual = matched.filter((c) => hats.has(`${c.coachId}>${c.coacheeId}`));
    for (const c of dual) expect(c.flags.map((f) => f.code)).toContain('discloseDualRole');
    expect(matching.kpis.dualRolesDisclosed).toBe(dual.length);
  });

  it('counts an insider whose coach has no identity data apart, not as too similar', () => {
    // Three insiders (m, NL) and three coaches of one place: "same" is identical (too similar),
    // "other" differs on nationality (0.5, enough), "blank" has no identity data (unknown).
    const three = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const coach = (id: string, attributes: Record<string, string>) => ({ id, name: id, capacity: 1, attributes, support: three });
    const cohort = parseCohort({
      attributes: [
        { key: 'gender', kind: 'categorical', role: 'identity' },
        { key: 'nationality', kind: 'categorical', role: 'identity' },
      ],
      coaches: [coach('same', { gender: 'm', nationality: 'NL' }), coach('other', { gender: 'm', nationality: 'DE' }), coach('blank', {})],
      coachees: ['i1', 'i2', 'i3'].map((id) => ({ id, name: id, attributes: { gender: 'm', nationality: 'NL' }, needs: three })),
    });
    const matching = match(cohort, { allowUnmatched: false });
    expect(matching.status).toBe('optimal');
    expect(matching.kpis).toMatchObject({ insiders: 3, matched: 3, insidersSufficientlyDifferent: 1, insidersDifferenceUnknown: 1, insiderShareSufficientlyDifferent: 1 / 3 });
    const onBlank = matching.coachees.find((c) => c.status === 'matched' && c.coachId === 'blank');
    expect(onBlank).toMatchObject({ difference: null, flags: [{ code: 'differenceUnknown' }] });
    // The chart has a segment of its own; "too similar" keeps the one identical pair only.
    const chart = coacheeTypeChart(matching.coachees, matching.kpis);
    expect(chart).toContain('Insiders (3): 1 sufficiently different coach, 1 coach too similar, 1 difference unknown, 0 unmatched');
    expect(renderMarkdown(matching)).toContain('| Insiders with a sufficiently different coach | 1 (33% of matched insiders; 3 insiders; 1 with a coach of unknown difference) |');
    // Without a minimum difference any coach suffices: nothing is unknown to count.
    expect(match(cohort, { allowUnmatched: false, policy: { minDifferenceForInsiders: 0 } }).kpis).toMatchObject({ insidersSufficientlyDifferent: 3, insidersDifferenceUnknown: 0 });
  });

  it('gives null shares and means when nobody is matched', () => {
    const cohort = parseCohort({
      coaches: [{ id: 'c', name: 'C', capacity: 0, support: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } }],
      coachees: [{ id: 's', name: 'S', needs: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } }],
    });
    const k = match(cohort).kpis;
    expect(k).toMatchObject({ matched: 0, unmatched: 1, meanScore: null, worstScore: null, meanAspirationFit: null, insiderShareSufficientlyDifferent: null, pioneerShareWithCommonGround: null });
  });
});
