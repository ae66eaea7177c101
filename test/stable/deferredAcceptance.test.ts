import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferredAcceptance } from '../../src/stable/deferredAcceptance.js';
import { isErrorOfKind } from '../../src/errors.js';
import { runs } from '../helpers/runs.js';
import { allStableMatchings, naiveBlockingPairs, stableProblemArbitrary } from './stableBruteForce.js';

/** Rank of `j` in `list`, unmatched (null) ranking below everything. */
const rankIn = (list: readonly number[], j: number | null) => (j === null ? Infinity : list.indexOf(j));

describe(deferredAcceptance, () => {
  describe('on Gale & Shapley (1962), "College Admissions and the Stability of Marriage", Example 1', () => {
    // Men α, β, γ (rows 0–2), women A, B, C (columns 0–2). Ranking matrix from the paper:
    //      A      B      C
    // α  (1,3)  (2,2)  (3,1)
    // β  (3,1)  (1,3)  (2,2)
    // γ  (2,2)  (3,1)  (1,3)
    // The paper: three of the six marriages are stable — every man gets his first choice,
    // every woman gets her first choice, or everyone gets their second choice.
    const problem = {
      rows: 3,
      cols: 3,
      rowPrefs: [[0, 1, 2], [1, 2, 0], [2, 0, 1]],
      colPrefs: [[1, 2, 0], [2, 0, 1], [0, 1, 2]],
    };

    it('gives every man his first choice when men propose (αA, βB, γC)', () => {
      expect(deferredAcceptance(problem, { proposer: 'rows' }).assignment).toEqual([0, 1, 2]);
    });

    it('gives every woman her first choice when women propose (αC, βA, γB)', () => {
      expect(deferredAcceptance(problem, { proposer: 'cols' }).assignment).toEqual([2, 0, 1]);
    });

    it('is one of exactly the three stable matchings the paper lists', () => {
      const stable = allStableMatchings(problem).map((m) => m.join());
      expect(stable.sort()).toEqual(['0,1,2', '1,2,0', '2,0,1']);
    });
  });

  describe('on the Rosetta Code "Stable marriage problem" task (ten couples)', () => {
    const guys = ['abe', 'bob', 'col', 'dan', 'ed', 'fred', 'gav', 'hal', 'ian', 'jon'];
    const gals = ['abi', 'bea', 'cath', 'dee', 'eve', 'fay', 'gay', 'hope', 'ivy', 'jan'];
    const guyPrefs = [
      'abi eve cath ivy jan dee fay bea hope gay',
      'cath hope abi dee eve fay bea jan ivy gay',
      'hope eve abi dee bea fay ivy gay cath jan',
      'ivy fay dee gay hope eve jan bea cath abi',
      'jan dee bea cath fay eve abi ivy hope gay',
      'bea abi dee gay eve ivy cath jan hope fay',
      'gay eve ivy bea cath abi dee hope jan fay',
      'abi eve hope fay ivy cath jan bea gay dee',
      'hope cath dee gay bea abi fay ivy jan eve',
      'abi fay jan gay eve bea dee cath ivy hope',
    ];
    const galPrefs = [
      'bob fred jon gav ian abe dan ed col hal',
      'bob abe col fred gav dan ian ed jon hal',
      'fred bob ed gav hal col ian abe dan jon',
      'fred jon col abe ian hal gav dan bob ed',
      'jon hal fred dan abe gav col ed ian bob',
      'bob abe ed ian jon dan fred gav col hal',
      'jon gav hal fred bob abe col ed dan ian',
      'gav jon bob abe ian dan hal ed col fred',
      'ian col hal gav fred bob abe ed jon dan',
      'ed hal gav abe bob jon col ian fred dan',
    ];
    const problem = {
      rows: 10,
      cols: 10,
      rowPrefs: guyPrefs.map((l) => l.split(' ').map((g) => gals.indexOf(g))),
      colPrefs: galPrefs.map((l) => l.split(' ').map((g) => guys.indexOf(g))),
    };

    it('gives the published engagements when the men propose', () => {
      const { assignment } = deferredAcceptance(problem);
      const engaged = Object.fromEntries(assignment.map((j, i) => [guys[i], j === null ? null : gals[j]]));
      expect(engaged).toEqual({
        abe: 'ivy', bob: 'cath', col: 'dee', dan: 'fay', ed: 'jan',
        fred: 'bea', gav: 'gay', hal: 'eve', ian: 'hope', jon: 'abi',
      });
    });
  });

  it('never leaves a blocking pair, whichever side proposes', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(8, 5, 3), fc.constantFrom('rows' as const, 'cols' as const), (problem, proposer) => {
        const result = deferredAcceptance(problem, { proposer });
        expect(naiveBlockingPairs(problem, result.assignment)).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never exceeds a capacity and only matches pairs who list each other', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(8, 5, 3), fc.constantFrom('rows' as const, 'cols' as const), (problem, proposer) => {
        const { assignment, members, matched } = deferredAcceptance(problem, { proposer });
        members.forEach((list, j) => expect(list.length).toBeLessThanOrEqual(problem.capacity![j]!));
        assignment.forEach((j, i) => {
          if (j === null) return;
          expect(problem.rowPrefs[i]).toContain(j);
          expect(problem.colPrefs[j]).toContain(i);
          expect(members[j]).toContain(i);
        });
        expect(matched).toBe(assignment.filter((j) => j !== null).length);
      }),
      { numRuns: runs(200) },
    );
  });

  it('gives every row its best partner among all stable matchings when rows propose (brute force)', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(5, 3, 2), (problem) => {
        const mine = deferredAcceptance(problem, { proposer: 'rows' }).assignment;
        const stable = allStableMatchings(problem);
        expect(stable.map((m) => m.join())).toContain(mine.join());
        for (const other of stable) {
          other.forEach((j, i) => expect(rankIn(problem.rowPrefs[i]!, mine[i]!)).toBeLessThanOrEqual(rankIn(problem.rowPrefs[i]!, j)));
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('gives every column its best set among all stable matchings when columns propose (brute force)', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(5, 3, 2), (problem) => {
        const mine = deferredAcceptance(problem, { proposer: 'cols' }).assignment;
        const stable = allStableMatchings(problem);
        expect(stable.map((m) => m.join())).toContain(mine.join());
        // Responsive preferences: compare the k-th best member of each column, k = 1, 2, …
        const ranked = (m: readonly (number | null)[], j: number) =>
          m.flatMap((c, i) => (c === j ? [problem.colPrefs[j]!.indexOf(i)] : [])).sort((a, b) => a - b);
        for (const other of stable) {
          for (let j = 0; j < problem.cols; j++) {
            const a = ranked(mine, j);
            const b = ranked(other, j);
            expect(a.length).toBe(b.length); // rural hospitals: same number in every stable matching
            a.forEach((rank, k) => expect(rank).toBeLessThanOrEqual(b[k]!));
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('rejects a list that names a column twice, with its path', () => {
    try {
      deferredAcceptance({ rows: 1, cols: 2, rowPrefs: [[1, 1]], colPrefs: [[0], [0]] });
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidProblem')).toBe(true);
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['$.rowPrefs[0][1]']);
    }
  });
});
