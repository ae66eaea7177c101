import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import type { RematchResult } from '../../src/rematch/rematchResult.js';
import { runs } from '../helpers/runs.js';

const json = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const cohort = parseCohort(json);
const fresh = match(cohort);
const current = fresh.coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));
const activeCoaches = cohort.coaches.filter((c) => c.active).map((c) => c.id);

function solved(outcome: RematchResult) {
  if (outcome.status !== 'optimal') throw new Error(`expected a re-match, got ${outcome.status}`);
  return outcome;
}

describe(rematch, () => {
  it('changes nothing when nothing happened to an optimal matching', () => {
    for (const preset of ['default', 'diversity-first'] as const) {
      const start = match(cohort, { policy: { preset } });
      const pairs = start.coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));
      const outcome = solved(rematch(cohort, { current: pairs }, { policy: { preset }, changePrice: 0.01 }));
      expect(outcome.changed).toBe(0);
      expect(outcome.kept).toBe(pairs.length);
    }
  });

  it('moves only the coachees who must move unless moving others gains more than the change price', () => {
    const dropouts = fc.subarray(activeCoaches, { minLength: 1, maxLength: 2 });
    const price = fc.constantFrom(0, 0.05, 0.2, 0.5, 5);
    fc.assert(
      fc.property(dropouts, price, (out, changePrice) => {
        const outcome = solved(rematch(cohort, { current, dropouts: out }, { changePrice }));
        const mustMove = current.filter((p) => out.includes(p.coachId)).map((p) => p.coacheeId);
        const moved = outcome.moves.map((m) => m.coacheeId);
        expect(moved).toEqual(expect.arrayContaining(mustMove));
        const extra = moved.length - mustMove.length;
        // The least disruptive answer: everyone else pinned to their coach.
        const stay = current.filter((p) => !out.includes(p.coachId));
        const minimal = solved(rematch(cohort, { current, dropouts: out, pins: stay }, { changePrice }));
        expect(minimal.changed).toBe(mustMove.length);
        // Every extra move must pay for itself: the objective gained exceeds the price of the moves.
        const gained = outcome.matching.objective! - minimal.matching.objective!;
        expect(gained).toBeGreaterThanOrEqual(changePrice * extra - 1e-9);
        if (changePrice >= 5) expect(extra).toBe(0);
        for (const m of outcome.moves) if (!mustMove.includes(m.coacheeId)) expect(['betterFit', 'madeRoom', 'rearranged']).toContain(m.reason.kind);
      }),
      { numRuns: runs(12) },
    );
  });

  it('with a change price of 0 reaches the objective of a fresh match on the changed cohort', () => {
    const outcome = solved(rematch(cohort, { current, dropouts: ['coach-09'] }, { changePrice: 0 }));
    const edited = structuredClone(json);
    const coachOf = new Map(current.map((p) => [p.coacheeId, p.coachId]));
    for (const c of edited.coachees) c.currentCoach = coachOf.get(c.id);
    for (const c of edited.coaches) if (c.id === 'coach-09') c.active = false;
    expect(outcome.matching.objective).toBeCloseTo(match(parseCohort(edited)).objective!, 9);
  });

  it('grants an exit only to a coach better by the margin, and keeps the coachee otherwise', () => {
    const strict = solved(rematch(cohort, { current, exits: ['student-19'] }, { exitMargin: 5 }));
    expect(strict.refusedExits).toMatchObject([{ coacheeId: 'student-19', reason: 'belowMargin' }]);
    expect(strict.changed).toBe(0);
    // From an optimal matching an exit lowers the total (it is refused, 'lowersTotal'); with
    // student-19 on coach-07 (a poor fit with places to spare) moving raises it.
    const poorFit = current.map((p) => (p.coacheeId === 'student-19' ? { ...p, coachId: 'coach-07' } : p));
    expect(solved(rematch(cohort, { current, exits: ['student-19'] }, { exitMargin: 0.01 })).refusedExits).toMatchObject([{ coacheeId: 'student-19', reason: 'lowersTotal' }]);
    const lenient = solved(rematch(cohort, { current: poorFit, exits: ['student-19'] }, { exitMargin: 0.01 }));
    const move = lenient.moves.find((m) => m.coacheeId === 'student-19');
    expect(lenient.grantedExits).toEqual(['student-19']);
    expect(move?.reason.kind).toBe('exitGranted');
    if (move?.reason.kind === 'exitGranted') expect(move.reason.gain).toBeGreaterThanOrEqual(0.01);
  });

  it('reports exits that cluster on one coach', () => {
    const fromOne = current.filter((p) => p.coachId === 'coach-01').map((p) => p.coacheeId);
    expect(fromOne.length).toBeGreaterThanOrEqual(2);
    const outcome = rematch(cohort, { current, exits: fromOne }, { clusterThreshold: 2 });
    expect(outcome.exitClusters).toEqual([{ coachId: 'coach-01', coacheeIds: [...fromOne].sort(), message: expect.any(String) }]);
    expect(rematch(cohort, { current, exits: fromOne }, { clusterThreshold: fromOne.length + 1 }).exitClusters).toEqual([]);
  });

  it('never moves a pinned pair', () => {
    const pin = current.find((p) => p.coachId === 'coach-09')!;
    const outcome = solved(rematch(cohort, { current, pins: [pin], exits: [pin.coacheeId === 'student-12' ? 'student-19' : 'student-12'] }, { exitMargin: 0 }));
    expect(outcome.moves.some((m) => m.coacheeId === pin.coacheeId)).toBe(false);
  });

  it('names unknown ids in the request with their path', () => {
    try {
      rematch(cohort, { current, exits: ['nobody'], dropouts: ['coach-77'], pins: [{ coacheeId: 'student-01', coachId: 'coach-76' }] });
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
      if (isErrorOfKind(error, 'invalidArgument')) expect(error.issues.map((i) => i.path)).toEqual(['$.dropouts[0]', '$.exits[0]', '$.pins[0].coachId']);
    }
  });
});
