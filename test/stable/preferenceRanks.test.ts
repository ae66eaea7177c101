import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { auditStability } from '../../src/stable/auditStability.js';
import { deferredAcceptance } from '../../src/stable/deferredAcceptance.js';
import { preferenceRanks } from '../../src/stable/preferenceRanks.js';
import type { StableProblem } from '../../src/stable/stableProblem.js';
import { runs } from '../helpers/runs.js';
import { stableProblemArbitrary } from './stableBruteForce.js';

/** The issues preferenceRanks throws for a problem, or [] when it accepts it. */
function issuesOf(problem: StableProblem, densePairs?: number): readonly { path: string; message: string }[] {
  try {
    preferenceRanks(problem, densePairs);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CoachmatchError);
    return (error as CoachmatchError).issues;
  }
}

describe(preferenceRanks, () => {
  it('looks up the same ranks and lists from its dense tables and from its sorted lists', () => {
    fc.assert(
      fc.property(stableProblemArbitrary(6, 6, 3), (problem) => {
        const dense = preferenceRanks(problem);
        const sparse = preferenceRanks(problem, 0);
        for (let i = 0; i < problem.rows; i++) {
          const listed = [...problem.rowPrefs[i]!].sort((a, b) => a - b);
          expect(Array.from(sparse.listedBy(i))).toEqual(listed);
          expect(Array.from(dense.listedBy(i))).toEqual(listed);
          for (let j = 0; j < problem.cols; j++) {
            expect(sparse.rowRank(i, j)).toBe(problem.rowPrefs[i]!.indexOf(j));
            expect(dense.rowRank(i, j)).toBe(problem.rowPrefs[i]!.indexOf(j));
            expect(sparse.colRank(j, i)).toBe(problem.colPrefs[j]!.indexOf(i));
            expect(dense.colRank(j, i)).toBe(problem.colPrefs[j]!.indexOf(i));
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('reports entries out of range and repeats in list order, with their paths, either way', () => {
    const problem = { rows: 2, cols: 3, rowPrefs: [[2, 5, 2, 0, 0], [1]], colPrefs: [[0, 0], [], [1, -1]] };
    const expected = [
      { path: '$.rowPrefs[0][1]', message: '5 is outside 0..2' },
      { path: '$.rowPrefs[0][2]', message: '2 is listed twice' },
      { path: '$.rowPrefs[0][4]', message: '0 is listed twice' },
      { path: '$.colPrefs[0][1]', message: '0 is listed twice' },
      { path: '$.colPrefs[2][1]', message: '-1 is outside 0..1' },
    ];
    expect(issuesOf(problem)).toEqual(expected);
    expect(issuesOf(problem, 0)).toEqual(expected);
  });

  it('matches and audits 70,000 × 70,000 coachees and coaches with short lists (dense tables would need 4.9·10^9 entries)', () => {
    const size = 70_000;
    // Coachee i lists coaches i and i + 1; coach j lists coachee j only.
    const problem = {
      rows: size,
      cols: size,
      rowPrefs: Array.from({ length: size }, (_, i) => (i + 1 < size ? [i, i + 1] : [i])),
      colPrefs: Array.from({ length: size }, (_, j) => [j]),
    };
    const matching = deferredAcceptance(problem);
    expect(matching.matched).toBe(size);
    expect(matching.assignment.every((j, i) => j === i)).toBe(true);
    expect(auditStability(problem, matching.assignment)).toEqual({ stable: true, blockingPairs: [], defects: [] });
    // Leave coachee 0 out: coach 0 (free, and listing it) and coachee 0 block.
    const worse = matching.assignment.map((j, i) => (i === 0 ? null : j));
    expect(auditStability(problem, worse).blockingPairs).toEqual([{ row: 0, col: 0 }]);
  });
});
