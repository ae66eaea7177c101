import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../helpers/cohortArbitrary.js';
import { crossCheckExplain } from '../helpers/crossCheckExplain.js';
import { runs } from '../helpers/runs.js';

/** Small cohorts: every pair is priced again by the LP backend. */
const explainCase = fc.record({
  doc: cohortArbitrary({ maxCoaches: 8, maxCoachees: 14 }),
  policy: policyOverridesArbitrary,
  allowUnmatched: fc.boolean(),
  k: fc.integer({ min: 0, max: 4 }),
});

describe(`${explainMatching.name} cross-checked against whole re-solves by the LP backend`, () => {
  it("lists each alternative's exact loss and count of unplaced, and the k that rank first", () => {
    let optimal = 0;
    fc.assert(
      fc.property(explainCase, ({ doc, policy, allowUnmatched, k }) => {
        const report = crossCheckExplain(doc, policy, allowUnmatched, k);
        expect(report.disagreements).toEqual([]);
        if (report.status === 'optimal') optimal++;
      }),
      { numRuns: runs(60) },
    );
    expect(optimal).toBeGreaterThan(runs(60) / 3);
  });
});
