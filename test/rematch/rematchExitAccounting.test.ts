import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { runs } from '../helpers/runs.js';
import { exitRequests, sectorCoach, sectorCoachee, sectorCohort } from './support.js';

describe('rematch accounts for every exit request', () => {
  it('lists an exit whose coach drops out as moot, for that reason, not silently as neither granted nor refused', () => {
    const cohort = parseCohort(sectorCohort([sectorCoach('A', 'a', 1), sectorCoach('B', 'a', 1)], [sectorCoachee('x', 'a', { currentCoach: 'A' })]));
    const outcome = rematch(cohort, { exits: ['x'], dropouts: ['A'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual([]);
    expect(outcome.refusedExits).toEqual([]);
    expect(outcome.mootExits).toEqual([{ coacheeId: 'x', coachId: 'A', reason: 'coachDroppedOut' }]);
    expect(outcome.moves).toMatchObject([{ coacheeId: 'x', from: 'A', to: 'B', reason: { kind: 'coachDroppedOut', coachId: 'A' } }]);
    expect(renderRematchMarkdown(outcome)).toContain('- **x** leaves A in any case: the coach dropped out, so the request is neither granted nor refused (see Moves)');
  });

  it('puts each exit request in exactly one of granted, refused and moot; a moot one moved for its coach leaving', () => {
    fc.assert(
      fc.property(exitRequests, fc.boolean(), ({ doc, exits, exitMargin, changePrice }, allowUnmatched) => {
        const cohort = parseCohort(doc);
        const dropouts = cohort.coaches.filter((c, n) => c.active && n % 2 === 0).map((c) => c.id);
        const outcome = rematch(cohort, { exits, dropouts }, { exitMargin, changePrice, allowUnmatched });
        if (outcome.status === 'pinConflict') throw new Error('no pins were given');
        const listed = [...outcome.grantedExits, ...outcome.refusedExits.map((r) => r.coacheeId), ...outcome.mootExits.map((m) => m.coacheeId)];
        expect([...listed].sort()).toEqual([...new Set(exits)].sort());
        const coachOf = new Map(cohort.coachees.map((c) => [c.id, c.currentCoach]));
        for (const m of outcome.mootExits) {
          const coach = cohort.coaches.find((c) => c.id === m.coachId)!;
          expect(m.coachId).toBe(coachOf.get(m.coacheeId));
          expect(m.reason).toBe(dropouts.includes(m.coachId) ? 'coachDroppedOut' : 'coachInactive');
          if (m.reason === 'coachInactive') expect(coach.active).toBe(false);
          if (outcome.status === 'optimal') expect(outcome.moves.find((x) => x.coacheeId === m.coacheeId)?.reason.kind).toBe(m.reason);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
