import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';
import { documentedRematch, exitRequests, sectorCoach, sectorCoachee, sectorCohort } from './support.js';

describe('rematch with coachees allowed unplaced: an exit never costs a place', () => {
  it('refuses the exit that would take the only coach a newcomer can have', () => {
    // A and B have one place each; x is with A and wants B; n avoids A, so B is n's only coach.
    const cohort = parseCohort(sectorCohort([sectorCoach('A', 'gov', 1), sectorCoach('B', 'hr', 1)], [sectorCoachee('x', 'hr', { currentCoach: 'A' }), sectorCoachee('n', 'edu', { avoid: ['A'] })]));
    const outcome = rematch(cohort, { exits: ['x'] }, { exitMargin: 0 });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual([]);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'x', coachId: 'A', reason: 'noPlace' }]);
    expect(outcome.matching.coachees.map((c) => [c.coacheeId, c.status === 'matched' ? c.coachId : null])).toEqual([
      ['n', 'B'],
      ['x', 'A'],
    ]);
  });

  it('grants the exit that must move when two exits want one place', () => {
    // A (2 places) holds x1 and x2, B has 1 place; both ask to leave. x2 avoids A, so only x2's
    // exit keeps both placed: granted x2, refused x1, whichever comes first.
    for (const [first, second] of [['x1', 'x2'], ['x2', 'x1']] as const) {
      const cohort = parseCohort(sectorCohort([sectorCoach('A', 'gov', 2), sectorCoach('B', 'hr', 1)], [sectorCoachee('x1', 'hr', { currentCoach: 'A' }), sectorCoachee('x2', 'hr', { currentCoach: 'A', avoid: ['A'] })]));
      const outcome = rematch(cohort, { exits: [first, second] }, { exitMargin: 0 });
      if (outcome.status !== 'optimal') throw new Error(outcome.status);
      expect(outcome.grantedExits).toEqual(['x2']);
      expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'x1', reason: 'noPlace' }]);
      expect(outcome.matching.coachees.filter((c) => c.status === 'matched')).toHaveLength(2);
    }
  });

  it('places as many as with every exit refused, is optimal for the exits it grants, and every noPlace refusal is forced (brute force)', () => {
    fc.assert(
      fc.property(exitRequests, ({ doc, exits, exitMargin, changePrice }) => {
        const cohort = parseCohort(doc);
        const outcome = rematch(cohort, { exits }, { exitMargin, changePrice });
        if (outcome.status === 'pinConflict') throw new Error('no pins were given');
        const { base, features, current: cur, rowOf, problemWith } = documentedRematch(cohort, true, exitMargin, changePrice);
        const most = bruteForce(problemWith(new Set()));
        if (outcome.status === 'infeasible') {
          expect(most.feasible).toBe(false);
          return;
        }
        const granted = new Set(outcome.grantedExits.map(rowOf));
        const placed = outcome.matching.coachees.filter((c) => c.status === 'matched');
        expect(placed).toHaveLength(most.matched);
        let total = 0;
        for (const c of placed) {
          const i = rowOf(c.coacheeId);
          const j = features.coachIds.indexOf(c.coachId);
          total += base.weights![i]![j]! + (!granted.has(i) && j === cur[i] ? changePrice : 0);
        }
        expect(total).toBeCloseTo(bruteForce(problemWith(granted)).objective!, 9);
        for (const refused of outcome.refusedExits) {
          if (refused.reason !== 'noPlace') continue;
          // Granting this exit as well places fewer, or an optimum leaves the coachee who asked without a coach.
          const row = rowOf(refused.coacheeId);
          const wider = problemWith(new Set([...granted, row]));
          const best = bruteForce(wider);
          const withoutIt = bruteForce({ ...wider, weights: wider.weights.map((r, i) => (i === row ? r.map(() => null) : r)) });
          const leftOut = withoutIt.matched === best.matched && withoutIt.objective! >= best.objective! - 1e-9 * (1 + Math.abs(best.objective!));
          expect(best.matched < most.matched || leftOut).toBe(true);
        }
      }),
      { numRuns: runs(1500) },
    );
  });
});
