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

describe('rematch: a granted exit raises the total (or ties)', () => {
  it('refuses the exit that would move another coachee to a worse coach for less than it costs (hr-department, emp-27)', () => {
    // The fixture's own matching as current. emp-27 (at ext-4) is better off by 0.46 at ext-3, but
    // ext-3 is full: granting the exit moved emp-12 to ext-4 at -0.77 and lowered the total.
    const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8')));
    const current = match(cohort).coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));
    const stay = rematch(cohort, { current });
    const outcome = rematch(cohort, { current, exits: ['emp-27'] });
    if (outcome.status !== 'optimal' || stay.status !== 'optimal') throw new Error('expected optimal re-matches');
    expect(outcome.grantedExits).toEqual([]);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'emp-27', coachId: 'ext-4', reason: 'lowersTotal' }]);
    expect(outcome.moves).toEqual([]);
    expect(outcome.matching.objective).toBeCloseTo(stay.matching.objective!, 9);
    expect(renderRematchMarkdown(outcome)).toContain('**emp-27** stays with ext-4: granting it would cost the others more than it gains');
  });

  it('grants the exit to a better coach with room, however much continuity the pair it leaves had earned', () => {
    // As above, with a place more at ext-3 and continuity worth 1: more than emp-27's gain of
    // 0.46 there. Counted for the pair the coachee asked to leave, it kept every such exit refused.
    const doc = JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8'));
    const current = match(parseCohort(doc)).coachees.flatMap((c) => (c.status === 'matched' ? [{ coacheeId: c.coacheeId, coachId: c.coachId }] : []));
    doc.coaches.find((c: { id: string }) => c.id === 'ext-3').capacity += 1;
    doc.policy = { ...doc.policy, weights: { ...doc.policy?.weights, continuity: 1 } };
    const outcome = rematch(parseCohort(doc), { current, exits: ['emp-27'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual(['emp-27']);
    expect(outcome.moves).toMatchObject([{ coacheeId: 'emp-27', from: 'ext-4', to: 'ext-3', reason: { kind: 'exitGranted' } }]);
  });

  for (const allowUnmatched of [true, false]) {
    it(`no granted exit could be refused for a higher total, ${allowUnmatched ? 'coachees allowed unplaced' : 'everyone placed'} (brute force)`, () => {
      fc.assert(
        fc.property(exitRequests, ({ doc, exits, exitMargin, changePrice }) => {
          const cohort = parseCohort(doc);
          const outcome = rematch(cohort, { exits }, { allowUnmatched, exitMargin, changePrice });
          if (outcome.status !== 'optimal') return;
          const { base, features, current: cur, rowOf, problemWith, leavingWeight } = documentedRematch(cohort, allowUnmatched, exitMargin, changePrice);
          const granted = new Set(outcome.grantedExits.map(rowOf));
          // The re-match's objective: every pair's weight, and the change price on each current pair kept by a coachee who did not leave.
          let total = 0;
          let placed = 0;
          for (const c of outcome.matching.coachees) {
            if (c.status !== 'matched') continue;
            const i = rowOf(c.coacheeId);
            const j = features.coachIds.indexOf(c.coachId);
            total += base.weights![i]![j]! + (!granted.has(i) && j === cur[i] ? changePrice : 0);
            placed++;
          }
          for (const row of granted) {
            // The exit refused, every other decision the same: the coachee stays with its coach, a
            // pair it asked to leave (so no keep bonus and no continuity), and the rest re-solve.
            const others = problemWith(new Set([...granted].filter((r) => r !== row)));
            const refused = { ...others, weights: others.weights.map((r, i) => (i === row ? base.weights![i]!.map((w, j) => (j === cur[i] && w !== null ? leavingWeight(i) : null)) : r)) };
            const best = bruteForce(refused);
            if (!best.feasible || best.matched < placed) continue;
            expect(best.matched).toBe(placed);
            expect(best.objective!).toBeLessThanOrEqual(total + 1e-9 * (1 + Math.abs(total)));
          }
        }),
        { numRuns: runs(allowUnmatched ? 600 : 300) },
      );
    });
  }
});
