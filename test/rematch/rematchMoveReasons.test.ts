import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import type { Move } from '../../src/rematch/rematchResult.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { runs } from '../helpers/runs.js';
import { exitRequests, sectorCoach, sectorCoachee, sectorCohort } from './support.js';

const hrDepartment = JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8'));
/** The pairs of the hr-department fixture's own matching. */
const hrCurrent = match(parseCohort(hrDepartment)).coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));

/** Moves that a coachee had to make: no room was made for anyone else. */
const forced = new Set(['coachDroppedOut', 'coachInactive', 'exitGranted', 'coachOverCapacity', 'pairNotAllowed']);

describe('rematch move reasons say what is true', () => {
  it('moves a coachee off a coach with fewer places than current coachees for that reason, not "made room for others"', () => {
    // A has 1 place and 2 current coachees who both fit A; B has room. Nobody takes a freed place.
    const cohort = parseCohort(sectorCohort([sectorCoach('A', 'a', 1), sectorCoach('B', 'b', 2)], [sectorCoachee('x', 'a', { currentCoach: 'A' }), sectorCoachee('y', 'a', { currentCoach: 'A', priority: 2 })]));
    const outcome = rematch(cohort, {});
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.moves).toEqual([{ coacheeId: 'x', coacheeName: 'Coachee X', from: 'A', to: 'B', reason: { kind: 'coachOverCapacity', coachId: 'A', capacity: 1, currentCoachees: 2 } }]);
    expect(renderRematchMarkdown(outcome)).toContain('| coach A now has 1 place(s) for 2 current coachees |');
  });

  it('reports the weighted gain that beat the change price, and made room only for coachees who had to move (hr-department, priorities 1, 2, 3, 0)', () => {
    const doc = structuredClone(hrDepartment);
    doc.coachees.forEach((c: { priority?: number }, i: number) => (c.priority = [1, 2, 3, 0][i % 4]));
    const outcome = rematch(parseCohort(doc), { current: hrCurrent, dropouts: ['int-7'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    const byId = new Map(outcome.moves.map((m) => [m.coacheeId, m]));
    // emp-27's own score gains 0.46, below the price of 0.5; its priority makes the move worth more.
    const emp27 = byId.get('emp-27')!.reason;
    expect(emp27).toMatchObject({ kind: 'betterFit', gain: expect.closeTo(0.46, 2) });
    if (emp27.kind === 'betterFit') expect(emp27.weightedGain).toBeGreaterThan(0.5);
    expect(renderRematchMarkdown(outcome)).toMatch(/\| Marieke Smit \(emp-27\) \| ext-4 \| ext-3 \| better fit: worth \+0\.79 to the re-match, priority and continuity counted, more than the change price \(own score \+0\.46\) \|/);
    // emp-35 took emp-32's place for a better fit: emp-32 made room for no one who had to move.
    expect(byId.get('emp-35')!.reason.kind).toBe('betterFit');
    expect(byId.get('emp-32')!.reason).toMatchObject({ kind: 'rearranged', placeTakenBy: ['emp-35'] });
  });

  it('holds on random re-matches (coaches with minimum loads among them): betterFit above the price, madeRoom for movers who had to move and needed the place, minLoadFilled when the new coach would fall below its minimum load, rearranged otherwise', () => {
    fc.assert(
      fc.property(exitRequests, fc.boolean(), ({ doc, exits, exitMargin, changePrice }, allowUnmatched) => {
        const cohort = parseCohort(doc);
        const dropouts = cohort.coaches.filter((c, n) => c.active && n % 3 === 0).map((c) => c.id);
        const outcome = rematch(cohort, { exits, dropouts }, { exitMargin, changePrice, allowUnmatched });
        if (outcome.status !== 'optimal') return;
        const now = new Map(outcome.matching.coachees.map((c) => [c.coacheeId, c.status === 'matched' ? c.coachId : null]));
        const before = new Map(cohort.coachees.map((c) => [c.id, c.currentCoach]));
        const moveOf = new Map<string, Move>(outcome.moves.map((m) => [m.coacheeId, m]));
        const coachOf = new Map(outcome.matching.coaches.map((c) => [c.coachId, c]));
        /** A coach's takers who had to move, beyond its free places after the re-match: places they needed freed. */
        const placesNeeded = (coach: string) => {
          const c = coachOf.get(coach);
          if (c === undefined) return 0;
          const forcedTakers = [...now].filter(([id, at]) => at === coach && before.get(id) !== coach && forced.has(moveOf.get(id)?.reason.kind ?? '')).length;
          return Math.max(0, forcedTakers - (c.capacity - c.load));
        };
        /** The new coach holds no more than its minimum load: it would fall below without the mover. */
        const fillsMinLoad = (to: string | null) => {
          const c = to === null ? undefined : coachOf.get(to);
          return c !== undefined && c.minLoad > 0 && c.load <= c.minLoad;
        };
        for (const m of outcome.moves) {
          const takers = [...now].filter(([id, coach]) => coach === m.from && before.get(id) !== m.from).map(([id]) => id);
          switch (m.reason.kind) {
            case 'betterFit':
              expect(m.reason.weightedGain).toBeGreaterThan(changePrice);
              break;
            case 'madeRoom':
              expect(m.reason.forCoachees.length).toBeGreaterThan(0);
              for (const id of m.reason.forCoachees) {
                expect(takers).toContain(id);
                expect(forced.has(moveOf.get(id)!.reason.kind)).toBe(true);
              }
              break;
            case 'minLoadFilled':
              expect(m.reason.weightedGain).toBeLessThanOrEqual(changePrice);
              expect(m.reason.coachId).toBe(m.to);
              expect(m.reason.minLoad).toBe(coachOf.get(m.to!)!.minLoad);
              expect(fillsMinLoad(m.to)).toBe(true);
              break;
            case 'rearranged':
              // Takers who had to move and needed a place freed are named by the coach's madeRoom movers, one place each.
              expect(m.reason.weightedGain).toBeLessThanOrEqual(changePrice);
              expect(m.reason.placeTakenBy).toEqual(takers.filter((id) => !forced.has(moveOf.get(id)?.reason.kind ?? '')));
              expect(outcome.moves.some((x) => x.from === m.from && x.reason.kind === 'madeRoom') || placesNeeded(m.from) === 0).toBe(true);
              // Keeping the new coach at its minimum load is the truer reason, and is given.
              expect(fillsMinLoad(m.to)).toBe(false);
              break;
            case 'coachOverCapacity':
              expect(m.reason.capacity).toBeLessThan(m.reason.currentCoachees);
              // Those who would stay: the coach's current coachees less granted exits and pairs no longer allowed.
              expect(m.reason.currentCoachees).toBeLessThanOrEqual([...before.values()].filter((coach) => coach === m.from).length);
              break;
            case 'coachDroppedOut':
              expect(dropouts).toContain(m.from);
              break;
            case 'coachInactive':
              expect(dropouts).not.toContain(m.from);
              expect(cohort.coaches.find((c) => c.id === m.from)!.active).toBe(false);
              break;
            case 'exitGranted':
              expect(outcome.grantedExits).toContain(m.coacheeId);
              break;
            case 'lostPlace':
              expect(m.to).toBeNull();
              break;
          }
          if (m.reason.kind === 'madeRoom') {
            // One forced taker took one place: no more madeRoom movers off a coach than forced takers at it.
            const roomMakers = outcome.moves.filter((x) => x.from === m.from && x.reason.kind === 'madeRoom').length;
            expect(roomMakers).toBeLessThanOrEqual(m.reason.forCoachees.length);
            // Only forced takers the coach had no free place for needed one freed (hunt F: room
            // claimed at a coach left half empty, for a move that filled another's minimum load).
            expect(roomMakers).toBeLessThanOrEqual(placesNeeded(m.from));
          }
          if (m.reason.kind !== 'lostPlace' && m.reason.kind !== 'coachDroppedOut' && m.reason.kind !== 'coachInactive') expect(m.to).not.toBeNull();
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
