import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';
import { documentedRematch, exitRequests } from './support.js';

describe('rematch: a lowersTotal refusal names the coach the exit could have had', () => {
  it('names ext-3 and emp-27 own gain there (hr-department, refused for the total)', () => {
    const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8')));
    const current = match(cohort).coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));
    const outcome = rematch(cohort, { current, exits: ['emp-27'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'emp-27', reason: 'lowersTotal', bestCoachId: 'ext-3', bestGain: expect.closeTo(0.46, 2) }]);
    expect(renderRematchMarkdown(outcome)).toContain('it could have had ext-3, own score +0.46');
  });

  for (const allowUnmatched of [true, false]) {
    it(`its coach is one of the best re-matches granting the exit, ${allowUnmatched ? 'coachees allowed unplaced' : 'everyone placed'} (brute force, one exit)`, () => {
      fc.assert(
        fc.property(exitRequests, ({ doc, exits, exitMargin, changePrice }) => {
          const cohort = parseCohort(doc);
          // One exit: the refusal is decided against no other granted exit, as the brute force assumes.
          const outcome = rematch(cohort, { exits: exits.slice(0, 1) }, { allowUnmatched, exitMargin, changePrice });
          if (outcome.status === 'pinConflict') throw new Error('no pins were given');
          const { features, current, rowOf, problemWith } = documentedRematch(cohort, allowUnmatched, exitMargin, changePrice);
          for (const r of outcome.refusedExits) {
            if (r.reason === 'noPlace') expect([r.bestCoachId, r.bestGain]).toEqual([null, null]);
            if (r.reason !== 'lowersTotal') continue;
            expect(r.bestCoachId).not.toBeNull();
            const i = rowOf(r.coacheeId);
            const j = features.coachIds.indexOf(r.bestCoachId!);
            // Granted whatever it costs, the coachee placed first (a bonus of 1000 on its pairs).
            const granted = problemWith(new Set([i]));
            const placedFirst = (only?: number) => ({ ...granted, weights: granted.weights.map((row, k) => (k !== i ? row : row.map((w, c) => (w === null || (only !== undefined && c !== only) ? null : w + 1000)))) });
            expect(granted.weights[i]![j]).not.toBeNull(); // an eligible coach
            const anywhere = bruteForce(placedFirst());
            const there = bruteForce(placedFirst(j));
            expect(there.matched).toBe(anywhere.matched);
            expect(there.objective!).toBeCloseTo(anywhere.objective!, 9);
            expect(current[i]).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: runs(allowUnmatched ? 150 : 250) },
      );
    });
  }
});
