import { describe, expect, it } from 'vitest';
import { checkStablePreferences } from '../../src/stable/checkStablePreferences.js';

// One id names one person, as in a cohort: else the matching printed could not be told apart.
describe('checkStablePreferences on ids', () => {
  const composed = 'caf\u00e9';
  const decomposed = 'cafe\u0301';

  it('refuses two coachees whose ids differ only in Unicode form, whatever the order of the keys', () => {
    const lists = (first: string, second: string) => ({ coacheePrefs: { [first]: ['k'], [second]: ['k'] }, coachPrefs: { k: [composed, decomposed] } });
    const issues = checkStablePreferences(lists(composed, decomposed));
    expect(issues).toEqual([{ path: `$.coacheePrefs["${composed}"]`, message: expect.stringContaining('only in its Unicode form') }]);
    expect(checkStablePreferences(lists(decomposed, composed))).toEqual(issues);
  });

  it('refuses an id that is both a coachee and a coach', () => {
    expect(checkStablePreferences({ coacheePrefs: { a: ['a'] }, coachPrefs: { a: ['a'] } })).toEqual([{ path: '$.coachPrefs.a', message: 'id "a" is also a coachee (at $.coacheePrefs.a): one id names one person' }]);
  });

  it('accepts ids that differ in letter case, which shows in every report', () => {
    expect(checkStablePreferences({ coacheePrefs: { ann: ['K'], Ann: ['K'] }, coachPrefs: { K: ['ann', 'Ann'] } })).toEqual([]);
  });
});
