import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { parseScenario } from '../../src/model/parseScenario.js';
import { parseStablePrefs } from '../../src/model/stablePrefsSchema.js';

/** The paths of the issues `parse` throws for a document as a file would give it (JSON.parse keeps "__proto__" keys). */
function issuePaths(parse: (input: unknown) => unknown, json: string): string[] {
  try {
    parse(JSON.parse(json));
  } catch (error) {
    expect(error).toBeInstanceOf(CoachmatchError);
    return (error as CoachmatchError).issues.map((i) => i.path);
  }
  return [];
}

describe('records keyed by ids', () => {
  it('report a "__proto__" id in a preferences file instead of dropping it', () => {
    const prefs = '{"coacheePrefs":{"__proto__":["c1"],"e2":["c1"]},"coachPrefs":{"c1":["e2"]},"capacity":{"__proto__":2}}';
    expect(issuePaths(parseStablePrefs, prefs)).toEqual(['$.coacheePrefs.__proto__', '$.capacity.__proto__']);
    expect(issuePaths(parseStablePrefs, '{"coacheePrefs":{"e2":["c1"]},"coachPrefs":{"c1":["e2"]}}')).toEqual([]);
  });

  it('report a "__proto__" coach in a scenario\'s capacities instead of dropping it', () => {
    expect(issuePaths(parseScenario, '{"base":"cohort.json","capacity":{"__proto__":5,"c1":2}}')).toEqual(['$.capacity.__proto__']);
    expect(issuePaths(parseScenario, '{"base":"cohort.json","capacity":{"c1":2}}')).toEqual([]);
  });

  it('report a capacity beyond 32 bits at its coach, in the preferences file\'s own terms', () => {
    expect(issuePaths(parseStablePrefs, '{"coacheePrefs":{"e1":["c1"]},"coachPrefs":{"c1":["e1"]},"capacity":{"c1":4294967296}}')).toEqual(['$.capacity.c1']);
  });
});
