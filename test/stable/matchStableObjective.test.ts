import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match, prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { preferencesFromScores } from '../../src/stable/preferencesFromScores.js';
import { naiveBlockingPairs } from './stableBruteForce.js';

describe('match with objective "stable"', () => {
  for (const name of ['alumni-programme', 'hr-department']) {
    const cohort = parseCohort(JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')));

    it(`leaves no blocking pair on the engine's scores (${name})`, () => {
      const stable = match(cohort, { objective: 'stable' });
      expect(stable.status).toBe('optimal');
      const { combined, features } = prepareMatch(cohort);
      const prefs = preferencesFromScores(toAssignmentProblem(combined, true));
      const col = new Map(features.coachIds.map((id, j) => [id, j]));
      const assignment = stable.coachees.map((c) => (c.status === 'matched' ? col.get(c.coachId)! : null));
      expect(naiveBlockingPairs(prefs, assignment)).toEqual([]);
      expect(stable.objectiveReport).toMatchObject({ objective: 'stable', blockingPairs: [] });
    });

    it(`reports what stability costs against the plain optimum (${name})`, () => {
      const stable = match(cohort, { objective: 'stable' });
      const plain = match(cohort);
      expect(stable.objectiveReport).toMatchObject({ total: stable.objective, optimumTotal: plain.objective });
      const report = stable.objectiveReport;
      if (report?.objective !== 'stable') throw new Error('expected a stability report');
      expect(report.priceOfStability).toBeCloseTo(plain.objective! - stable.objective!, 9);
    });
  }

  it('lets a coachee at priority 0 rank coaches by score: the coach that fits, not the first by id', () => {
    const support = (n: number) => ({ socioEmotional: n, network: n, autonomy: n, career: n });
    const cohort = parseCohort({
      attributes: [{ key: 'sector', kind: 'categorical', role: 'profession' }],
      coaches: [
        { id: 'A', name: 'Coach A', capacity: 1, attributes: { sector: 'x' }, support: support(1) },
        { id: 'B', name: 'Coach B', capacity: 1, attributes: { sector: 'y' }, support: support(5) },
      ],
      coachees: [{ id: 'z', name: 'Coachee Z', priority: 0, aspiration: { sector: 'y' }, needs: support(5) }],
    });
    const stable = match(cohort, { objective: 'stable' });
    const entry = stable.coachees[0]!;
    expect(entry.status === 'matched' && entry.coachId).toBe('B');
  });
});
