import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch, type RematchRequest } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { runs } from '../helpers/runs.js';
import { sectorCoach, sectorCoachee, sectorCohort } from './support.js';

/** x is with A and fits A; y is with B and fits B; z has no coach yet. */
const small = parseCohort(
  sectorCohort(
    [sectorCoach('A', 'x', 1), sectorCoach('B', 'y', 2)],
    [sectorCoachee('x', 'x', { currentCoach: 'A' }), sectorCoachee('y', 'y', { currentCoach: 'B' }), sectorCoachee('z', 'y')],
  ),
);

/** The issues of a refused request, or null when it was accepted. */
function issuesOf(request: RematchRequest, cohort = small) {
  try {
    rematch(cohort, request);
    return null;
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidArgument')) throw error;
    return error.issues;
  }
}

describe('rematch pins', () => {
  it('refuses a pin on a pair that is not current, at the pin, saying what the current pair is', () => {
    // Before, x was moved to B and both moves were explained as "made room".
    expect(issuesOf({ pins: [{ coacheeId: 'y', coachId: 'B' }, { coacheeId: 'x', coachId: 'B' }] })).toEqual([
      { path: '$.pins[1]', message: "the current coach of coachee 'x' is 'A', not 'B': a pin keeps a current pair" },
    ]);
    expect(issuesOf({ pins: [{ coacheeId: 'z', coachId: 'B' }] })).toEqual([{ path: '$.pins[0]', message: "coachee 'z' has no current coach: a pin keeps a current pair" }]);
  });

  it('reads the current pairs from the request when it gives them', () => {
    const request = { current: [{ coacheeId: 'x', coachId: 'B' }], pins: [{ coacheeId: 'x', coachId: 'B' }] };
    const outcome = rematch(small, request);
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.moves.map((m) => m.coacheeId)).not.toContain('x');
    expect(issuesOf({ current: [{ coacheeId: 'x', coachId: 'B' }], pins: [{ coacheeId: 'x', coachId: 'A' }] })?.map((i) => i.path)).toEqual(['$.pins[0]']);
  });

  it('accepts exactly the pins on current pairs, and never moves them', () => {
    const alumni = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
    const coachOf = new Map(alumni.coachees.flatMap((c) => (c.currentCoach === undefined ? [] : [[c.id, c.currentCoach] as const])));
    const active = alumni.coaches.filter((c) => c.active).map((c) => c.id);
    // Half the pins on current pairs, half on any pair with an active coach.
    const currentPin = fc.constantFrom(...coachOf).map(([coacheeId, coachId]) => ({ coacheeId, coachId }));
    const anyPin = fc.record({ coacheeId: fc.constantFrom(...alumni.coachees.map((c) => c.id)), coachId: fc.constantFrom(...active) });
    const pinsArb = fc.uniqueArray(fc.oneof(currentPin, anyPin), { maxLength: 4, selector: (p) => p.coacheeId });
    fc.assert(
      fc.property(pinsArb, (pins) => {
        const notCurrent = pins.flatMap((p, n) => (coachOf.get(p.coacheeId) === p.coachId ? [] : [`$.pins[${n}]`]));
        const issues = issuesOf({ pins }, alumni);
        if (notCurrent.length > 0) {
          expect(issues?.map((i) => i.path)).toEqual(notCurrent);
          return;
        }
        expect(issues).toBeNull();
        const outcome = rematch(alumni, { pins });
        if (outcome.status !== 'optimal') return;
        for (const p of pins) expect(outcome.moves.some((m) => m.coacheeId === p.coacheeId)).toBe(false);
      }),
      { numRuns: runs(25) },
    );
  });

  it('diagnoses conflicting pins byte for byte the same whatever their order, naming them by pair', () => {
    // A has 2 places and 3 pinned current coachees; w avoids its current coach B (a banned pin).
    const cohort = parseCohort(
      sectorCohort(
        [sectorCoach('A', 'x', 2), sectorCoach('B', 'y', 1)],
        [sectorCoachee('x', 'x', { currentCoach: 'A' }), sectorCoachee('y', 'x', { currentCoach: 'A' }), sectorCoachee('z', 'x', { currentCoach: 'A' }), sectorCoachee('w', 'y', { currentCoach: 'B', avoid: ['B'] })],
      ),
    );
    const pins = [{ coacheeId: 'z', coachId: 'A' }, { coacheeId: 'w', coachId: 'B' }, { coacheeId: 'x', coachId: 'A' }, { coacheeId: 'y', coachId: 'A' }, { coacheeId: 'x', coachId: 'A' }];
    const outputs = fc.sample(fc.shuffledSubarray(pins, { minLength: pins.length }), runs(30)).map((shuffled) => {
      const outcome = rematch(cohort, { pins: shuffled });
      return [JSON.stringify(outcome), renderRematchMarkdown(outcome)];
    });
    const expected = rematch(cohort, { pins });
    // Worded as compare words its pin conflicts (src/scenarios/describePinConflicts.ts), the ban with its reason.
    expect(expected.diagnosis).toEqual(['w → B is banned: Coachee W asked not to be matched with this coach', 'x → A, y → A, z → A put 3 coachees on A (capacity 2)']);
    for (const output of outputs) expect(output).toEqual([JSON.stringify(expected), renderRematchMarkdown(expected)]);
  });
});
