import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { stableMatchByIds } from '../../src/stable/stableMatchByIds.js';
import { prototypeMemberNames } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

describe(stableMatchByIds, () => {
  // Gale & Shapley (1962), Example 1, with coachees as the men and coaches as the women.
  const prefs = {
    coacheePrefs: { alpha: ['A', 'B', 'C'], beta: ['B', 'C', 'A'], gamma: ['C', 'A', 'B'] },
    coachPrefs: { A: ['beta', 'gamma', 'alpha'], B: ['gamma', 'alpha', 'beta'], C: ['alpha', 'beta', 'gamma'] },
  };

  it('gives the coachee-optimal matching by default and the coach-optimal one on request', () => {
    expect(stableMatchByIds(prefs)).toEqual({ matching: { A: ['alpha'], B: ['beta'], C: ['gamma'] }, unmatched: [] });
    expect(stableMatchByIds({ ...prefs, optimal: 'coach' })).toEqual({ matching: { A: ['beta'], B: ['gamma'], C: ['alpha'] }, unmatched: [] });
  });

  it('fills capacities, leaves out pairs listed by one side only, and lists the unmatched', () => {
    const result = stableMatchByIds({
      coacheePrefs: { ann: ['kim'], bob: ['kim', 'lee'], cas: ['kim'], dee: ['lee'] },
      coachPrefs: { kim: ['cas', 'ann', 'bob'], lee: ['bob'] },
      capacity: { kim: 2 },
    });
    // kim keeps her two favourites among ann, bob, cas: cas and ann; bob goes to lee; dee is not on lee's list.
    expect(result).toEqual({ matching: { kim: ['ann', 'cas'], lee: ['bob'] }, unmatched: ['dee'] });
  });

  it('gives the same answer whatever the order of the records', () => {
    const reversed = {
      coacheePrefs: Object.fromEntries(Object.entries(prefs.coacheePrefs).reverse()),
      coachPrefs: Object.fromEntries(Object.entries(prefs.coachPrefs).reverse()),
    };
    expect(JSON.stringify(stableMatchByIds(reversed))).toBe(JSON.stringify(stableMatchByIds(prefs)));
  });

  it('rejects unknown and repeated ids with their JSON paths', () => {
    try {
      stableMatchByIds({ coacheePrefs: { ann: ['kim', 'zed', 'kim'] }, coachPrefs: { kim: ['ann'] }, capacity: { lee: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidProblem')).toBe(true);
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
        '$.coacheePrefs.ann[1]',
        '$.coacheePrefs.ann[2]',
        '$.capacity.lee',
      ]);
    }
  });

  // Was: prefs.capacity?.[id] found Object.prototype.constructor for a coach "constructor"
  // without a capacity, refused at a path that does not exist ($.capacity[0]).
  it('gives a coach named after an Object.prototype member the matching a plain name gets', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prototypeMemberNames, '__proto__'), fc.boolean(), fc.constantFrom('coachee', 'coach'), (member, withCapacity, optimal) => {
        const prefsFor = (coach: string) => {
          // Built so that "__proto__" is a key as JSON.parse makes it, not the prototype.
          const capacity: Record<string, number> = Object.create(null);
          if (withCapacity) capacity[coach] = 2;
          const byCoach: Record<string, string[]> = Object.create(null);
          byCoach[coach] = ['bob', 'ann'];
          byCoach.kim = ['ann', 'cas'];
          return { coacheePrefs: { ann: [coach, 'kim'], bob: [coach], cas: ['kim', coach] }, coachPrefs: byCoach, capacity, optimal };
        };
        const plain = `${member}_`;
        const expected = JSON.stringify(stableMatchByIds(prefsFor(plain))).replaceAll(plain, member);
        expect(JSON.stringify(stableMatchByIds(prefsFor(member)))).toBe(expected);
      }),
      { numRuns: runs(40) },
    );
  });
});
