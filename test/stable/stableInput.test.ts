import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferredAcceptance } from '../../src/stable/deferredAcceptance.js';
import { stableMatchByIds } from '../../src/stable/stableMatchByIds.js';
import type { StablePreferences } from '../../src/stable/stablePreferences.js';
import { runs } from '../helpers/runs.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

// Two stable matchings: rows get their first choice when rows propose, columns when columns do.
const problem = { rows: 2, cols: 2, rowPrefs: [[0, 1], [1, 0]], colPrefs: [[1, 0], [0, 1]] };
const prefs = { coacheePrefs: { a: ['x', 'y'], b: ['y', 'x'] }, coachPrefs: { x: ['b', 'a'], y: ['a', 'b'] } };

describe('stable matching option checks', () => {
  it('gives proposer undefined its default, the rows-optimal matching', () => {
    expect(deferredAcceptance(problem, { proposer: undefined }).assignment).toEqual([0, 1]);
    expect(deferredAcceptance(problem, {}).assignment).toEqual([0, 1]);
    expect(deferredAcceptance(problem, { proposer: 'cols' }).assignment).toEqual([1, 0]);
  });

  it('refuses any proposer outside the enum, naming the option', () => {
    const other = fc.anything().filter((v) => v !== undefined && v !== 'rows' && v !== 'cols');
    fc.assert(
      fc.property(other, (proposer) => {
        expect(thrownKindAndPaths(() => deferredAcceptance(problem, { proposer } as never))).toEqual({ kind: 'invalidArgument', paths: ['$.proposer'] });
      }),
      { numRuns: runs(100) },
    );
    expect(thrownKindAndPaths(() => deferredAcceptance(problem, { proposr: 'cols' } as never))).toEqual({ kind: 'invalidArgument', paths: ['$.proposr'] });
  });

  it('refuses any optimal outside the enum, naming it', () => {
    expect(stableMatchByIds({ ...prefs, optimal: undefined }).matching).toEqual(stableMatchByIds(prefs).matching);
    expect(stableMatchByIds({ ...prefs, optimal: 'coach' }).matching).toEqual({ x: ['b'], y: ['a'] });
    const other = fc.anything().filter((v) => v !== undefined && v !== 'coachee' && v !== 'coach');
    fc.assert(
      fc.property(other, (optimal) => {
        expect(thrownKindAndPaths(() => stableMatchByIds({ ...prefs, optimal } as never))).toEqual({ kind: 'invalidProblem', paths: ['$.optimal'] });
      }),
      { numRuns: runs(100) },
    );
  });

  it('reports a capacity too large at the coach id', () => {
    expect(thrownKindAndPaths(() => stableMatchByIds({ ...prefs, capacity: { x: 2 ** 40 } }))).toEqual({ kind: 'invalidProblem', paths: ['$.capacity.x'] });
    expect(thrownKindAndPaths(() => stableMatchByIds({ ...prefs, capacity: { y: 1, x: -1 } }))).toEqual({ kind: 'invalidProblem', paths: ['$.capacity.x'] });
  });

  it('refuses preferences of the wrong shape with paths, not a TypeError', () => {
    const cases: [unknown, string[]][] = [
      // eslint-disable-next-line no-sparse-arrays
      [{ ...prefs, coacheePrefs: { a: [, 'x'], b: ['y'] } }, ['$.coacheePrefs.a[0]']],
      [{ coacheePrefs: prefs.coacheePrefs }, ['$.coachPrefs']],
      [{ ...prefs, coacheePrefs: { a: 'x', b: ['y'] } }, ['$.coacheePrefs.a']],
      [{ ...prefs, coachPrefs: { x: [1], y: ['a'] } }, ['$.coachPrefs.x[0]']],
      [{ ...prefs, coachPrefs: [['a']] }, ['$.coachPrefs']],
      [{ ...prefs, capacity: 3 }, ['$.capacity']],
      [{ ...prefs, optimum: 'coach' }, ['$.optimum']],
      [null, ['$']],
    ];
    for (const [input, paths] of cases) expect(thrownKindAndPaths(() => stableMatchByIds(input as StablePreferences))).toEqual({ kind: 'invalidProblem', paths });
  });
});

describe('stable problem shape checks', () => {
  it('refuses holes and non-lists in a problem by index with paths, not a TypeError', () => {
    const cases: [unknown, string[]][] = [
      // eslint-disable-next-line no-sparse-arrays
      [{ ...problem, rowPrefs: [, [1, 0]] }, ['$.rowPrefs[0]']],
      // eslint-disable-next-line no-sparse-arrays
      [{ ...problem, rowPrefs: [[, 1], [1, 0]] }, ['$.rowPrefs[0][0]']],
      [{ ...problem, colPrefs: [[1, '0'], [0, 1]] }, ['$.colPrefs[0][1]']],
      [{ ...problem, colPrefs: 'no' }, ['$.colPrefs']],
      // eslint-disable-next-line no-sparse-arrays
      [{ ...problem, capacity: [, 1] }, ['$.capacity[0]']],
      [{ ...problem, capacity: 2 }, ['$.capacity']],
      [null, ['$']],
    ];
    for (const [input, paths] of cases) expect(thrownKindAndPaths(() => deferredAcceptance(input as never))).toEqual({ kind: 'invalidProblem', paths });
  });
});
