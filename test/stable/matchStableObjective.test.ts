import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match, prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { preferencesFromScores } from '../../src/stable/preferencesFromScores.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';
import { naiveBlockingPairs } from './stableBruteForce.js';

/** A evaluated by X's friend would rather not; the stable matching leaves B out, the best total places both (hunt D). */
const PLACES_ONE_MORE = {"name": "price of stability repro", "attributes": [{"key": "role", "label": "Job", "kind": "categorical", "role": "profession"}], "coaches": [{"id": "coach-x", "name": "X", "capacity": 1, "attributes": {"role": "trainer"}, "support": {"socioEmotional": 5, "network": 5, "autonomy": 5, "career": 5}}, {"id": "coach-y", "name": "Y", "capacity": 1, "attributes": {"role": "teacher"}, "support": {"socioEmotional": 5, "network": 5, "autonomy": 5, "career": 5}}], "coachees": [{"id": "a", "name": "A", "aspiration": {"role": "trainer"}, "needs": {"socioEmotional": 3, "network": 3, "autonomy": 3, "career": 3}}, {"id": "b", "name": "B", "aspiration": {"role": "teacher"}, "needs": {"socioEmotional": 3, "network": 3, "autonomy": 3, "career": 3}, "avoid": ["coach-y"]}], "people": [{"id": "ev", "name": "Evaluator"}], "relations": [{"from": "ev", "to": "b", "type": "evaluates"}, {"from": "coach-x", "to": "ev", "type": "closeTo"}], "policy": {"preset": "default", "closeToEvaluatorPenalty": 3}};

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

  it('reports the price as it is and the coachees each matching places, and says why a coachee is out: stability, not a lack of places', () => {
    fc.assert(
      fc.property(cohortArbitrary({ maxCoachees: 6, maxCoaches: 3, minLoads: false }), (doc) => {
        const cohort = parseCohort(doc);
        const stable = match(cohort, { objective: 'stable' });
        const plain = match(cohort);
        const report = stable.objectiveReport;
        if (report?.objective !== 'stable' || stable.status !== 'optimal' || plain.status !== 'optimal') return;
        const placed = (m: typeof stable) => m.coachees.filter((c) => c.status === 'matched').length;
        expect(report).toMatchObject({ matched: placed(stable), optimumMatched: placed(plain) });
        const price = plain.objective! - stable.objective!;
        if (placed(plain) === placed(stable)) expect(report.priceOfStability).toBeCloseTo(Math.max(0, price), 9);
        else expect(report.priceOfStability).toBeCloseTo(price, 9);
        for (const entry of stable.coachees) {
          if (entry.status !== 'unmatched') continue;
          expect(entry.reason).not.toContain('reshuffle');
          if (!entry.reason.startsWith('no place left')) continue;
          expect(entry.reason).toContain('unmatched in every stable matching');
          expect(entry.reason.includes(`places ${placed(plain)} coachees against ${placed(stable)}`)).toBe(placed(plain) > placed(stable));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('gives a negative price when the best-total matching places one more coachee at a lower total (hunt D)', () => {
    const stable = match(parseCohort(PLACES_ONE_MORE), { objective: 'stable' });
    const report = stable.objectiveReport;
    if (report?.objective !== 'stable') throw new Error('expected a stability report');
    expect(report.matched! < report.optimumMatched!).toBe(true);
    expect(report.optimumTotal! < report.total!).toBe(true);
    expect(report.priceOfStability).toBeCloseTo(report.optimumTotal! - report.total!, 9);
  });

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
