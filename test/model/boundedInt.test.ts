import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { boundedInt, isBoundedInt } from '../../src/model/boundedInt.js';
import { parseProblemFile } from '../../src/model/problemFileSchema.js';
import { parseScenario } from '../../src/model/parseScenario.js';
import { parseStablePrefs } from '../../src/model/stablePrefsSchema.js';
import { cohortIssues } from '../helpers/issuePaths.js';
import { runs } from '../helpers/runs.js';

const alumni = () => JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));

/** The issues `run` throws (none when it throws nothing). */
function issuesOf(run: () => unknown) {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof CoachmatchError)) throw error;
    return error.issues;
  }
}

/** Finite numbers out of 0…1,000,000 and beyond the safe integers, whole or not. */
const outOfRange = fc.oneof(fc.constantFrom(1e308, -1e308, 2 ** 53, -(2 ** 53), 1_000_001, -1, 1e20), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x < 0 || x > 2 ** 53));

// Was: 1e308 got two issues at one path, z.int()'s safe-integer bound and the field's own.
describe('a whole number out of its range', () => {
  it('gets one issue, the range, as a coach capacity or minimum load and a scenario capacity', () => {
    fc.assert(
      fc.property(outOfRange, fc.constantFrom('capacity', 'minLoad'), (value, field) => {
        const doc = alumni();
        doc.coaches[0][field] = value;
        const issues = cohortIssues(doc).filter((i) => i.path === `$.coaches[0].${field}`);
        expect(issues).toHaveLength(1);
        expect(issues[0]!.message).toMatch(value < 0 ? />=0$/ : /<=1000000$/);
        const scenario = issuesOf(() => parseScenario({ base: 'x.json', capacity: { 'coach-01': value } }));
        expect(scenario).toEqual([{ path: '$.capacity["coach-01"]', message: expect.stringMatching(value < 0 ? />=0$/ : /<=1000000$/) }]);
      }),
      { numRuns: runs(30) },
    );
  });

  it('gets one issue as a solve problem size or a stable capacity', () => {
    expect(issuesOf(() => parseProblemFile({ rows: 1e308, cols: 1, edges: [] })).map((i) => i.path)).toEqual(['$.rows']);
    expect(issuesOf(() => parseStablePrefs({ coacheePrefs: {}, coachPrefs: {}, capacity: { c: 1e308 } })).map((i) => i.path)).toEqual(['$.capacity.c']);
  });

  it('is refused by the schema exactly when the plain test refuses it', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -3, max: 12 }), fc.constantFrom(null, '3', 2 ** 53));
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 5, max: 10 }), (x, min, max) => {
        expect(isBoundedInt(x, min, max)).toBe(boundedInt(min, max).safeParse(x).success);
      }),
      { numRuns: runs(300) },
    );
  });

  it('still refuses a fraction within the range as not whole', () => {
    const doc = alumni();
    doc.coaches[0].capacity = 1.5;
    expect(cohortIssues(doc)).toEqual([{ path: '$.coaches[0].capacity', message: expect.stringMatching(/expected int/) }]);
  });
});
