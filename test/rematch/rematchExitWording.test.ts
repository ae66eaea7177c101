import { describe, expect, it } from 'vitest';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';

const fullSupport = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
/**
 * x (with A) asks to leave for B, better by the margin; a is with B and avoids A. Both have
 * priority 0, so every pair weighs 0, and the change price is 0. With x's exit granted, one
 * of them gets B and the other nothing: x on B and a on B both place one coachee for a total
 * of 0. So an equally good re-match places x: "B has no place even after reshuffling" is false.
 */
const tie: CohortInput = {
  attributes: [{ key: 'sector', kind: 'categorical', role: 'profession' }],
  coaches: [
    { id: 'A', name: 'Coach A', capacity: 1, attributes: { sector: 'x' }, support: fullSupport },
    { id: 'B', name: 'Coach B', capacity: 1, attributes: { sector: 'y' }, support: fullSupport },
  ],
  coachees: [
    { id: 'a', name: 'Coachee A', aspiration: { sector: 'y' }, needs: fullSupport, currentCoach: 'B', priority: 0, avoid: ['A'] },
    { id: 'x', name: 'Coachee X', aspiration: { sector: 'y' }, needs: fullSupport, currentCoach: 'A', priority: 0 },
  ],
};

describe('rematch: an exit refused for want of a place', () => {
  it('says what is true when placing the coachee ties: not "no place", but no gain', () => {
    const outcome = rematch(parseCohort(tie), { exits: ['x'] }, { changePrice: 0 });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    // The solver's tie-break (deterministic) leaves x out here; either choice would be optimal.
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'x', reason: 'noPlace' }]);
    const text = renderRematchMarkdown(outcome);
    expect(text).not.toMatch(/no place|reshuffling/);
    expect(text).toContain("- **x** stays with A: placing them with a coach better by the margin would leave others without a place or not raise the re-match's total");
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
