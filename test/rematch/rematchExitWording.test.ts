import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';
import { sectorCoach, sectorCoachee, sectorCohort } from './support.js';

/**
 * x (with A) asks to leave for B, better by the margin; a is with B and avoids A. Both have
 * priority 0, so every pair weighs 0, and the change price is 0. Granting x's exit leaves one of
 * them without a coach (x on B or a on B), keeping it places both: the exit is refused for want
 * of a place. (Before exits were offered their current coach, placing x on B and a nowhere tied
 * with the opposite, and the wording had to allow for it.)
 */
const tie = sectorCohort(
  [sectorCoach('A', 'x', 1), sectorCoach('B', 'y', 1)],
  [sectorCoachee('a', 'y', { currentCoach: 'B', priority: 0, avoid: ['A'] }), sectorCoachee('x', 'y', { currentCoach: 'A', priority: 0 })],
);

describe('rematch: an exit refused for want of a place', () => {
  it('says what is true: granting the exit would leave someone without a place (not "no place" for x)', () => {
    const outcome = rematch(parseCohort(tie), { exits: ['x'] }, { changePrice: 0 });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'x', reason: 'noPlace' }]);
    const text = renderRematchMarkdown(outcome);
    expect(text).not.toMatch(/no place|reshuffling/);
    expect(text).toContain('- **x** stays with A: placing them with a coach better by the margin would leave someone without a place');
  });

  it('does not say a refused exit stays with its coach when the re-match moves or unplaces them all the same', () => {
    const outcome = rematch(parseCohort(tie), { exits: ['x'] }, { changePrice: 0 });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    const lost = { coacheeId: 'x', coacheeName: 'Coachee X', from: 'A', to: null, reason: { kind: 'lostPlace' } } as const;
    const unplaced = renderRematchMarkdown({ ...outcome, moves: [...outcome.moves, lost] });
    expect(unplaced).toContain('- **x** loses A all the same (see Moves): ');
    expect(unplaced).not.toContain('**x** stays with');
    const moved = renderRematchMarkdown({ ...outcome, moves: [...outcome.moves, { ...lost, to: 'B' }] });
    expect(moved).toContain('- **x** moves from A to B all the same (see Moves): ');
  });
});
