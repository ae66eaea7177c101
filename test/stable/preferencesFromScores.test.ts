import { describe, expect, it } from 'vitest';
import { preferencesFromScores } from '../../src/stable/preferencesFromScores.js';

describe(preferencesFromScores, () => {
  it('ranks by weight, best first, on both sides, and drops forbidden pairs', () => {
    const prefs = preferencesFromScores({ weights: [[3, 5, null], [4, 1, 2]], capacity: [1, 2, 1] });
    expect(prefs.rowPrefs).toEqual([[1, 0], [0, 2, 1]]);
    expect(prefs.colPrefs).toEqual([[1, 0], [0, 1], [1]]);
    expect(prefs.capacity).toEqual([1, 2, 1]);
  });

  it('breaks ties by the lower index (the smaller id in the engine)', () => {
    const prefs = preferencesFromScores({ weights: [[2, 2, 2], [2, 2, 2]] });
    expect(prefs.rowPrefs).toEqual([[0, 1, 2], [0, 1, 2]]);
    expect(prefs.colPrefs).toEqual([[0, 1], [0, 1], [0, 1]]);
  });

  it('ranks the lowest cost first for a min problem', () => {
    expect(preferencesFromScores({ weights: [[3, 1]], sense: 'min' }).rowPrefs).toEqual([[1, 0]]);
  });
});
