import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditStability } from '../../src/stable/auditStability.js';
import { runs } from '../helpers/runs.js';
import { allMatchings, naiveBlockingPairs, stableProblemArbitrary } from './stableBruteForce.js';

describe(auditStability, () => {
  // Gale & Shapley (1962), Example 1 (see deferredAcceptance.test.ts).
  const example1 = {
    rows: 3,
    cols: 3,
    rowPrefs: [[0, 1, 2], [1, 2, 0], [2, 0, 1]],
    colPrefs: [[1, 2, 0], [2, 0, 1], [0, 1, 2]],
  };

  it('finds no blocking pair in a stable matching', () => {
    expect(auditStability(example1, [1, 2, 0])).toEqual({ stable: true, blockingPairs: [], defects: [] });
  });

  it('lists the blocking pairs of an unstable matching', () => {
    // αA, βC, γB, checked by hand: α has his first choice; β prefers B, but B prefers her γ;
    // γ prefers C (held by β, whom C prefers) and A (held by α, whom A ranks below γ).
    // So the only blocking pair is (γ, A).
    expect(auditStability(example1, [0, 2, 1]).blockingPairs).toEqual([{ row: 2, col: 0 }]);
  });

  it('agrees with the textbook definition on every matching of random small problems', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(4, 3, 2), (problem) => {
        for (const m of allMatchings(problem)) {
          const audit = auditStability(problem, m);
          expect(audit.blockingPairs.map(({ row, col }) => [row, col])).toEqual(naiveBlockingPairs(problem, m));
          expect(audit.stable).toBe(audit.blockingPairs.length === 0);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('reports pairs that one side does not list and columns over capacity', () => {
    const problem = { rows: 2, cols: 1, rowPrefs: [[0], []], colPrefs: [[0, 1]], capacity: [1] };
    const audit = auditStability(problem, [0, 0]);
    expect(audit.stable).toBe(false);
    expect(audit.defects.map((d) => [d.kind, d.row, d.col])).toEqual([
      ['unacceptablePair', 1, 0],
      ['overCapacity', null, 0],
    ]);
  });
});
