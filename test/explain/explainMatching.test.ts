import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { renderExplanationMarkdown } from '../../src/explain/renderExplanationMarkdown.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';

const json = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const prepared = prepareMatch(parseCohort(json));
const problem = toAssignmentProblem(prepared.combined, true);
const result = solveAssignment(problem);
const someCoachees = ['student-03', 'student-12', 'student-19', 'student-40', 'student-58'];

describe(explainMatching, () => {
  it("gives every alternative the loss of an independent re-solve with the coachee's other coaches banned", () => {
    if (result.status !== 'optimal') throw new Error('fixture should match');
    const why = explainMatching(prepared, result, { coacheeIds: someCoachees, k: 3 });
    for (const coachee of why.coachees) {
      const row = prepared.features.coacheeIds.indexOf(coachee.coacheeId);
      for (const alt of coachee.alternatives.filter((a) => a.allowed)) {
        const col = prepared.features.coachIds.indexOf(alt.coachId);
        const only = problem.weights!.map((r, i) => (i === row ? r.map((w, j) => (j === col ? w : null)) : r));
        const forced = solveAssignment({ ...problem, weights: only, allowUnmatched: false });
        expect(forced.status).toBe('optimal');
        expect(alt.loss).toBeCloseTo(result.objective - forced.objective!, 9);
        expect(alt.dualBound!).toBeLessThanOrEqual(alt.loss! + 1e-9);
        expect(alt.loss!).toBeGreaterThanOrEqual(-1e-9);
      }
    }
  });

  it('finds the same k cheapest alternatives as re-solving every coach', () => {
    if (result.status !== 'optimal') throw new Error('fixture should match');
    const quick = explainMatching(prepared, result, { coacheeIds: someCoachees, k: 3, includePreferences: false });
    const all = explainMatching(prepared, result, { coacheeIds: someCoachees, k: 100, includePreferences: false });
    expect(quick.resolves).toBeLessThan(all.resolves);
    quick.coachees.forEach((c, n) => {
      const losses = c.alternatives.map((a) => a.loss);
      expect(losses).toEqual(all.coachees[n]!.alternatives.slice(0, 3).map((a) => a.loss));
      expect([...losses].sort((a, b) => a! - b!)).toEqual(losses);
    });
  });

  it("breaks the chosen coach's score down into terms that add up to it", () => {
    if (result.status !== 'optimal') throw new Error('fixture should match');
    for (const c of explainMatching(prepared, result, { k: 0 }).coachees) {
      expect(c.terms.reduce((sum, t) => sum + t.value, 0)).toBeCloseTo(c.score, 9);
    }
  });

  it('says a full coach is full and names who holds the places', () => {
    if (result.status !== 'optimal') throw new Error('fixture should match');
    const why = explainMatching(prepared, result, { coacheeIds: ['student-19'], k: 3 });
    const alternatives = why.coachees[0]!.alternatives;
    for (const alt of alternatives) {
      const col = prepared.features.coachIds.indexOf(alt.coachId);
      const load = result.assignment.filter((c) => c === col).length;
      const full = alt.obstacles.find((o) => o.kind === 'full');
      expect(full !== undefined).toBe(load >= prepared.combined.capacity[col]!);
      if (full?.kind === 'full') expect(full.heldBy).toHaveLength(load);
    }
  });

  it('explains a banned preferred coach with the ban and its reason', () => {
    const edited = structuredClone(json);
    const coachee = edited.coachees.find((c: { id: string }) => c.id === 'student-19');
    coachee.preferences = ['coach-05'];
    edited.relations.push({ from: 'coach-05', to: 'student-19', type: 'family' });
    const p = prepareMatch(parseCohort(edited));
    const r = solveAssignment(toAssignmentProblem(p.combined, true));
    if (r.status !== 'optimal') throw new Error('should match');
    const alt = explainMatching(p, r, { coacheeIds: ['student-19'], k: 1 }).coachees[0]!.alternatives.find((a) => a.coachId === 'coach-05');
    expect(alt?.allowed).toBe(false);
    expect(alt?.preferenceRank).toBe(1);
    expect(alt?.dualBound).toBeNull();
    expect(alt?.obstacles.some((o) => o.kind === 'ban' && o.code === 'clan')).toBe(true);
  });

  it('counts a choice among the preferred coaches in the pool, as the preference bonus does: an inactive coach leaves no gap', () => {
    const ids: string[] = json.coaches.map((c: { id: string }) => c.id);
    const inactive = new Set(json.coaches.filter((c: { active?: boolean }) => c.active === false).map((c: { id: string }) => c.id));
    expect(inactive.size).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }), (preferences) => {
        const edited = structuredClone(json);
        edited.coachees.find((c: { id: string }) => c.id === 'student-19').preferences = preferences;
        const p = prepareMatch(parseCohort(edited));
        const r = solveAssignment(toAssignmentProblem(p.combined, true));
        if (r.status !== 'optimal') throw new Error('should match');
        const { alternatives, coachId: chosen } = explainMatching(p, r, { coacheeIds: ['student-19'], k: 0 }).coachees[0]!;
        const inPool = preferences.filter((id) => !inactive.has(id));
        for (const alt of alternatives) {
          const rank = inPool.indexOf(alt.coachId);
          expect(alt.preferenceRank, alt.coachId).toBe(rank < 0 ? null : rank + 1);
          const bonus = alt.terms.find((t) => t.key === 'preference')!.value;
          expect(bonus, alt.coachId).toBe(rank < 0 ? 0 : (p.settings.preferenceBonus[rank] ?? 0));
        }
        // Every preferred coach in the pool but the chosen one is explained, ranked or not.
        expect(alternatives.map((a) => a.coachId).filter((id) => inPool.includes(id)).sort()).toEqual(inPool.filter((id) => id !== chosen).sort());
      }),
      { numRuns: 40 },
    );
  });

  it('rejects an unknown coachee with its path', () => {
    if (result.status !== 'optimal') throw new Error('fixture should match');
    try {
      explainMatching(prepared, result, { coacheeIds: ['student-01', 'nobody'] });
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
      if (isErrorOfKind(error, 'invalidArgument')) expect(error.issues.map((i) => i.path)).toEqual(['$.coacheeIds[1]']);
    }
  });
});

describe('explaining a coach of unknown difference', () => {
  // The insider (m, NL) against a coach who differs (m, DE), one with no identity data and one
  // identical to her, under the hard minimum of diversity-first.
  const three = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
  const coach = (id: string, attributes: Record<string, string>) => ({ id, name: id, capacity: 1, attributes, support: three });
  const explain = (coaches: ReturnType<typeof coach>[]) => {
    const cohort = parseCohort({
      attributes: [
        { key: 'gender', kind: 'categorical', role: 'identity' },
        { key: 'nationality', kind: 'categorical', role: 'identity' },
      ],
      coaches,
      coachees: [{ id: 'i', name: 'I', attributes: { gender: 'm', nationality: 'NL' }, needs: three }],
      policy: { preset: 'diversity-first' },
    });
    const ready = prepareMatch(cohort);
    const solved = solveAssignment(toAssignmentProblem(ready.combined, true));
    if (solved.status !== 'optimal') throw new Error('should match');
    const why = explainMatching(ready, solved, { k: 3 });
    return { why, text: renderExplanationMarkdown(why) };
  };

  it('says an alternative’s difference is unknown, and neither bans it nor calls it 0.00', () => {
    const { why, text } = explain([coach('other', { gender: 'm', nationality: 'DE' }), coach('blank', {}), coach('same', { gender: 'm', nationality: 'NL' })]);
    const c = why.status === 'optimal' ? why.coachees[0]! : null;
    expect(c).toMatchObject({ coachId: 'other', difference: 0.5 });
    const blank = c!.alternatives.find((a) => a.coachId === 'blank')!;
    expect(blank).toMatchObject({ allowed: true, difference: null });
    expect(blank.obstacles.filter((o) => o.kind === 'ban')).toEqual([]);
    expect(text).toContain('(unknown: no identity attribute is known for both)');
    expect(text).not.toContain('difference 0.00');
  });

  it('says the chosen coach’s difference is unknown', () => {
    const { why, text } = explain([coach('blank', {}), coach('same', { gender: 'm', nationality: 'NL' })]);
    expect(why.status === 'optimal' && why.coachees[0]).toMatchObject({ coachId: 'blank', difference: null });
    expect(text).toContain('Difference unknown: no identity attribute is known for both.');
  });
});
