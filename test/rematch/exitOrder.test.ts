import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';

const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
const current = match(cohort).coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));

describe('rematch whatever the order of the requests', () => {
  it('gives the same answer, byte for byte, with the exits and drop-outs listed in any order (granted and refused exits in the cohort order)', () => {
    const exits = ['student-03', 'student-09', 'student-20', 'student-01', 'student-40', 'student-12'];
    const dropouts = ['coach-09', 'coach-02'];
    for (const allowUnmatched of [true, false]) {
      const run = (order: (list: string[]) => string[]) => JSON.stringify(rematch(cohort, { current, exits: order(exits), dropouts: order(dropouts) }, { exitMargin: 0, allowUnmatched }));
      const forward = run((list) => list);
      const outcome = JSON.parse(forward) as { grantedExits: string[]; refusedExits: { coacheeId: string }[] };
      // Two exits at least on one side, or the order would not be tested.
      expect(Math.max(outcome.grantedExits.length, outcome.refusedExits.length)).toBeGreaterThanOrEqual(2);
      expect(outcome.grantedExits).toEqual([...outcome.grantedExits].sort());
      expect(outcome.refusedExits.map((r) => r.coacheeId)).toEqual(outcome.refusedExits.map((r) => r.coacheeId).sort());
      expect(run((list) => [...list].reverse())).toBe(forward);
      expect(run((list) => [...list.slice(3), ...list.slice(0, 3)])).toBe(forward);
    }
  });
});
