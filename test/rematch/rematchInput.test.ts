import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch, type RematchRequest } from '../../src/rematch/rematch.js';
import type { RematchResult } from '../../src/rematch/rematchResult.js';
import { runs } from '../helpers/runs.js';
import { fullSupport, sectorCoach, sectorCoachee, sectorCohort } from './support.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

// Two coaches, three coachees all with a current coach; every pair scores the same.
const even = parseCohort({
  attributes: [],
  coaches: [
    { id: 'c1', name: 'C1', capacity: 2, support: fullSupport },
    { id: 'c2', name: 'C2', capacity: 1, support: fullSupport },
  ],
  coachees: [
    { id: 'e1', name: 'E1', needs: fullSupport, currentCoach: 'c1' },
    { id: 'e2', name: 'E2', needs: fullSupport, currentCoach: 'c1' },
    { id: 'e3', name: 'E3', needs: fullSupport, currentCoach: 'c2' },
  ],
});

function solved(outcome: RematchResult) {
  if (outcome.status === 'pinConflict') throw new Error('expected a re-match, got pinConflict');
  return outcome;
}

describe('rematch input checks', () => {
  it('refuses a change price of Infinity instead of moving everyone', () => {
    expect(thrownKindAndPaths(() => rematch(even, {}, { changePrice: Infinity }))).toEqual({ kind: 'invalidArgument', paths: ['$.changePrice'] });
  });

  it('moves nobody with a huge finite change price when nothing happened', () => {
    for (const changePrice of [1000, 1e300, Number.MAX_VALUE]) {
      const outcome = solved(rematch(even, {}, { changePrice }));
      expect(outcome.status).toBe('optimal');
      expect(outcome.changed).toBe(0);
    }
  });

  it('names a bad option at its path and gives undefined its default', () => {
    expect(thrownKindAndPaths(() => rematch(even, {}, { changePrice: '1' as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.changePrice'] });
    expect(thrownKindAndPaths(() => rematch(even, {}, { exitMargin: NaN }))).toEqual({ kind: 'invalidArgument', paths: ['$.exitMargin'] });
    expect(thrownKindAndPaths(() => rematch(even, {}, { clusterThreshold: 1.5 }))).toEqual({ kind: 'invalidArgument', paths: ['$.clusterThreshold'] });
    expect(thrownKindAndPaths(() => rematch(even, {}, { changeprice: 1 } as never))).toEqual({ kind: 'invalidArgument', paths: ['$.changeprice'] });
    expect(thrownKindAndPaths(() => rematch(even, {}, null as never))).toEqual({ kind: 'invalidArgument', paths: ['$'] });
    const given = rematch(even, { exits: ['e1'] }, { changePrice: undefined, exitMargin: undefined, clusterThreshold: undefined, allowUnmatched: undefined, method: undefined });
    expect(given).toEqual(rematch(even, { exits: ['e1'] }));
  });

  it('refuses a request of the wrong shape with paths, not a TypeError', () => {
    const cases: [unknown, string[]][] = [
      [null, ['$']],
      ['e1', ['$']],
      [{ exits: 'e1' }, ['$.exits']],
      // eslint-disable-next-line no-sparse-arrays
      [{ exits: [, 'e1'] }, ['$.exits[0]']],
      [{ dropouts: [7] }, ['$.dropouts[0]']],
      // eslint-disable-next-line no-sparse-arrays
      [{ pins: [, { coacheeId: 'e1', coachId: 'c1' }] }, ['$.pins[0]']],
      [{ current: [{ coacheeId: 'e1' }] }, ['$.current[0].coachId']],
      [{ exit: ['e1'] }, ['$.exit']],
    ];
    for (const [request, paths] of cases) expect(thrownKindAndPaths(() => rematch(even, request as RematchRequest))).toEqual({ kind: 'invalidArgument', paths });
  });

  it('does not change its inputs', () => {
    const request = { exits: ['e1'], dropouts: ['c2'], pins: [{ coacheeId: 'e2', coachId: 'c1' }] };
    const options = { changePrice: 2 };
    const before = structuredClone({ even, request, options });
    rematch(even, request, options);
    expect({ even, request, options }).toEqual(before);
  });

  it('never changes more pairs with a finite change price ≥ 0 than with none', () => {
    const coaches = [sectorCoach('a', 'law', 2), sectorCoach('b', 'tech', 2), sectorCoach('c', 'law', 1), sectorCoach('d', 'art', 2)];
    const coachees = ['law', 'tech', 'art', 'tech', 'law', 'art'].map((sector, n) => sectorCoachee(`e${n}`, sector, { currentCoach: ['a', 'b', 'c', 'd', 'a', 'b'][n]! }));
    const cohort = parseCohort(sectorCohort(coaches, coachees));
    const price = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }));
    const dropouts = fc.subarray(['a', 'b', 'c', 'd'], { maxLength: 2 });
    fc.assert(
      fc.property(price, dropouts, (changePrice, out) => {
        const free = solved(rematch(cohort, { dropouts: out }, { changePrice: 0 }));
        const priced = solved(rematch(cohort, { dropouts: out }, { changePrice }));
        expect(priced.status).toBe('optimal');
        expect(priced.changed).toBeLessThanOrEqual(free.changed);
      }),
      { numRuns: runs(60) },
    );
  });

  it('keeps every keepable pair with the largest finite price', () => {
    const outcome = solved(rematch(even, { dropouts: ['c2'] }, { changePrice: Number.MAX_VALUE }));
    expect(outcome.status).toBe('optimal');
    expect(outcome.moves.map((m) => m.coacheeId)).toEqual(['e3']);
  });
});
