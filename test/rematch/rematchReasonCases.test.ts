import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';

// Tiny cohorts from a hunt, each a reason the re-match gave that was not true.
const cohortOf = (name: string) => parseCohort(JSON.parse(readFileSync(new URL(`./cases/${name}.json`, import.meta.url), 'utf8')));

describe('rematch reasons on cases a hunt found', () => {
  it("refuses an exit as lowersTotal, not noPlace, when granting it keeps everyone's place but lowers the total", () => {
    // k0 and k1 have a place each; e1 is with k0, e2 with k1, newcomer e0 at priority 2. Granting
    // e2 (to k0, e0 to k1) places 2 as every best re-match does, at a total of 1.68 against 2.42.
    const outcome = rematch(cohortOf('exit-lowers-total'), { exits: ['e2'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.refusedExits).toMatchObject([{ coacheeId: 'e2', reason: 'lowersTotal' }]);
  });

  it('calls a move off a coach with too few places forced only when the coach is still over capacity without those who left anyway', () => {
    // k2 has 1 place for e0 and e3; e3's exit is granted, so e0 fits, and its move (k2's place
    // went to newcomer e1) is a re-arrangement, not one the cut forced.
    const outcome = rematch(cohortOf('over-capacity-after-exit'), { exits: ['e3'] }, { changePrice: 0.2 });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual(['e3']);
    const e0 = outcome.moves.find((m) => m.coacheeId === 'e0');
    expect(e0?.reason.kind).toBe('rearranged');
  });

  it('lets one forced taker justify one madeRoom mover, not both movers off the coach', () => {
    // k2 has 1 place for e1 and e3; e2's exit to k2 is granted and both e1 and e3 move to k1.
    // One place went to e2: e1 (whose own move is worth less) made room, e3 moved in the re-arrangement.
    const outcome = rematch(cohortOf('made-room-once'), { exits: ['e0', 'e2'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual(['e0', 'e2']);
    const reasonOf = (id: string) => outcome.moves.find((m) => m.coacheeId === id)?.reason;
    expect(reasonOf('e1')).toMatchObject({ kind: 'madeRoom', forCoachees: ['e2'] });
    expect(reasonOf('e3')).toMatchObject({ kind: 'rearranged', placeTakenBy: [] });
  });

  it('says a current coach inactive in the cohort is inactive, not that it dropped out (no --dropout was given)', () => {
    const outcome = rematch(cohortOf('inactive-current-coach'), {});
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.moves.find((m) => m.coacheeId === 'e0')?.reason).toEqual({ kind: 'coachInactive', coachId: 'k9' });
  });

  it('does not point a moot exit to Moves when the strict re-match is infeasible and nobody moves', () => {
    // k1 drops out and e1 (with k1) asks to leave; k0's one place cannot take e0 and e1.
    const outcome = rematch(cohortOf('moot-exit-infeasible'), { dropouts: ['k1'], exits: ['e1'] }, { allowUnmatched: false });
    expect(outcome.status).toBe('infeasible');
    if (outcome.status === 'pinConflict') throw new Error(outcome.status);
    expect(outcome.moves).toEqual([]);
    expect(outcome.mootExits).toEqual([{ coacheeId: 'e1', coachId: 'k1', reason: 'coachDroppedOut' }]);
    const md = renderRematchMarkdown(outcome);
    expect(md).not.toContain('see Moves');
    expect(md).toContain('- **e1** leaves k1 in any case: the coach dropped out, so the request is neither granted nor refused; no re-match is feasible, so the coachee is not re-placed');
  });

  it('says a move that keeps a coach at its minimum load did so, not that it made room at a coach left with a free place', () => {
    // k1 (1 place, minimum load 1) has e1, k2 (2 places) has e0; e1's exit to k2 is granted. k2
    // then holds e1 alone: no room was needed. e0 moves only because k1 would be left empty.
    const outcome = rematch(cohortOf('min-load-not-made-room'), { exits: ['e1'] });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    expect(outcome.grantedExits).toEqual(['e1']);
    const e0 = outcome.moves.find((m) => m.coacheeId === 'e0');
    expect(e0).toMatchObject({ from: 'k2', to: 'k1', reason: { kind: 'minLoadFilled', coachId: 'k1', minLoad: 1 } });
    expect(renderRematchMarkdown(outcome)).toContain('keeps coach k1 at its minimum load of 1, which it would fall below without this move');
  });
});
