import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';
import { documentedRematch, exitRequests, fullSupport, sectorCoach, sectorCoachee, sectorCohort } from './support.js';

/** Coaches A and B with one place each; x is with A but aspires to B's sector, y is with B. */
const twoPlaces = (extra: CohortInput['coachees'] = []): CohortInput =>
  sectorCohort([sectorCoach('A', 'x', 1), sectorCoach('B', 'y', 1)], [sectorCoachee('x', 'y', { currentCoach: 'A' }), sectorCoachee('y', 'y', { currentCoach: 'B' }), ...extra]);

describe('rematch with every coachee to be placed (allowUnmatched false)', () => {
  it('refuses an exit whose only better coach is held by a pin, and keeps the coachee with the coach', () => {
    // B is the only coach better than A for x, and its one place is pinned to y: x cannot move.
    const outcome = rematch(parseCohort(twoPlaces()), { exits: ['x'], pins: [{ coacheeId: 'y', coachId: 'B' }] }, { allowUnmatched: false });
    expect(outcome.status).toBe('optimal');
    if (outcome.status === 'pinConflict') return;
    expect(outcome.grantedExits).toEqual([]);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'x', coachId: 'A', reason: 'noPlace' }]);
    expect(outcome.moves).toEqual([]);
    expect(outcome.diagnosis).toEqual([]);
  });

  it('stays infeasible when the cohort is so without any exit, grants nothing and says why truly', () => {
    // Three coachees, two places: no exit is to blame; the diagnosis must be the shortfall of places.
    const cohort = parseCohort(twoPlaces([sectorCoachee('z', 'x')]));
    const outcome = rematch(cohort, { exits: ['x'] }, { allowUnmatched: false });
    expect(outcome.status).toBe('infeasible');
    if (outcome.status === 'pinConflict') return;
    expect(outcome.grantedExits).toEqual([]);
    // The same diagnosis as a fresh strict match of the cohort, where nobody asks to leave.
    expect(outcome.diagnosis).toEqual(match(cohort, { allowUnmatched: false }).diagnosis);
    expect(outcome.diagnosis.join(' ')).toContain('1 place(s) short');
    // Not the exit's lack of a place (noPlace) but the cohort's: undecided for want of any re-match.
    expect(outcome.refusedExits).toEqual([{ coacheeId: 'x', coachId: 'A', reason: 'cohortInfeasible', bestGain: null, bestCoachId: null }]);
    // No matching, so no moves: the placeholder's 'no place left' for x and y was untrue.
    expect([outcome.moves, outcome.newlyPlaced, outcome.kept, outcome.changed]).toEqual([[], [], 0, 0]);
    const md = renderRematchMarkdown(outcome);
    expect(md).toContain('No re-match is feasible: nobody is moved (see the diagnosis).');
    expect(md).toContain('- **x** stays with A: not decided: no re-match is feasible even with every exit refused (see the diagnosis above)');
  });

  it('grants the exit that must move when two exits want one place, whichever is set aside first', () => {
    // C0 (2 places) holds p (pinned), u and v; C1 has 1 place. u and v ask to leave and C1 is as
    // good as C0 for both (margin 0). v avoids C0, so v must go to C1 and u must stay: granted v,
    // refused u. Both id orders, as the solver's tie-break may set either aside first.
    for (const [u, v] of [['a', 'b'], ['b', 'a']] as const) {
      const coach = (id: string, capacity: number) => ({ id, name: id, capacity, attributes: { sector: 'x' }, support: fullSupport });
      const coachee = (id: string, avoid: string[] = []) => ({ id, name: id, aspiration: { sector: 'x' }, needs: fullSupport, currentCoach: 'C0', avoid });
      const cohort = parseCohort({ attributes: twoPlaces().attributes, coaches: [coach('C0', 2), coach('C1', 1)], coachees: [coachee('p'), coachee(u), coachee(v, ['C0'])] });
      const outcome = rematch(cohort, { exits: [u, v], pins: [{ coacheeId: 'p', coachId: 'C0' }] }, { allowUnmatched: false, exitMargin: 0 });
      if (outcome.status !== 'optimal') throw new Error(outcome.status);
      expect(outcome.grantedExits).toEqual([v]);
      expect(outcome.refusedExits).toMatchObject([{ coacheeId: u, reason: 'noPlace' }]);
      expect(outcome.moves).toMatchObject([{ coacheeId: v, to: 'C1', reason: { kind: 'exitGranted' } }]);
    }
  });

  it('is infeasible only when refusing every exit is, and every noPlace refusal is forced (brute force)', () => {
    fc.assert(
      fc.property(exitRequests, ({ doc, exits, exitMargin, changePrice }) => {
        const cohort = parseCohort(doc);
        const outcome = rematch(cohort, { exits }, { allowUnmatched: false, exitMargin, changePrice });
        if (outcome.status === 'pinConflict') throw new Error('no pins were given');
        const { base, features, current: cur, rowOf, problemWith } = documentedRematch(cohort, false, exitMargin, changePrice);
        const granted = new Set(outcome.grantedExits.map(rowOf));
        if (outcome.status === 'infeasible') {
          expect(outcome.grantedExits).toEqual([]);
          expect(bruteForce(problemWith(new Set())).feasible).toBe(false);
          // No exit is blamed for the cohort's infeasibility.
          for (const r of outcome.refusedExits) expect(['belowMargin', 'cohortInfeasible']).toContain(r.reason);
          return;
        }
        const best = bruteForce(problemWith(granted));
        let total = 0;
        outcome.matching.coachees.forEach((c) => {
          if (c.status !== 'matched') throw new Error('strict: everyone is placed');
          const i = rowOf(c.coacheeId);
          const j = features.coachIds.indexOf(c.coachId);
          total += base.weights![i]![j]! + (!granted.has(i) && j === cur[i] ? changePrice : 0);
        });
        expect(total).toBeCloseTo(best.objective!, 9);
        for (const refused of outcome.refusedExits) {
          if (refused.reason !== 'noPlace') continue;
          // No place: granting this exit as well leaves no way to place everyone.
          expect(bruteForce(problemWith(new Set([...granted, rowOf(refused.coacheeId)]))).feasible).toBe(false);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
