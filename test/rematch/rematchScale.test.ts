import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareMatch } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { scaledPolicy } from '../helpers/scaledPolicy.js';
import { runs } from '../helpers/runs.js';
import { sectorCoach, sectorCoachee, sectorCohort } from './support.js';

/**
 * A re-match at any weight scale: every policy weight, bonus and penalty times 2^k, and the
 * change price too, is the unscaled re-match, its objective times 2^k.
 *
 * Coach a has one place and two current coachees: one must move to coach c, who fits neither
 * (sector gamma). y aspires to a's sector, x does not, so keeping y at a is worth more and x
 * moves. A change price above any gain means "keep every pair that can be kept"; which one is
 * kept must still be decided by the weights.
 */
const input = sectorCohort([sectorCoach('a', 'alpha', 1), sectorCoach('c', 'gamma', 1)], [sectorCoachee('x', 'beta'), sectorCoachee('y', 'alpha')]);
const settings = prepareMatch(parseCohort(input)).settings;
const request = { current: [{ coacheeId: 'x', coachId: 'a' }, { coacheeId: 'y', coachId: 'a' }] };

function rematchAt(k: number, changePrice: number) {
  const outcome = rematch(parseCohort({ ...input, policy: scaledPolicy(settings, 2 ** k) }), request, { changePrice, exitMargin: 0.3 * 2 ** k });
  if (outcome.status === 'pinConflict') throw new Error('no pins here');
  return { moves: outcome.moves.map((m) => [m.coacheeId, m.from, m.to]), objective: outcome.matching.objective! / 2 ** k };
}

describe('rematch at any weight scale', () => {
  it('moves x, not y, at weights × 2^-60 with a change price of 1 (the keep bonus was capped at 1 + spread: 1 + w rounded to 1)', () => {
    const unscaled = rematchAt(0, 2 ** 60);
    expect(unscaled.moves).toEqual([['x', 'a', 'c']]);
    expect(rematchAt(-60, 1)).toEqual(unscaled);
  });

  it('is the unscaled re-match for k in [-100, 18], whatever the change price', () => {
    // Prices of 2^60 and 2^100 put the scaled price at or above 1 where the weights are tiny.
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 18 }), fc.constantFrom(0, 0.5, 1, 1e6, 2 ** 60, 2 ** 100), (k, price) => {
        expect(rematchAt(k, price * 2 ** k)).toEqual(rematchAt(0, price));
      }),
      { numRuns: runs(40) },
    );
  });
});
