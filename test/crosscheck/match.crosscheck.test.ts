import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { cohortArbitrary, policyOverridesArbitrary, withMissingIdentity } from '../helpers/cohortArbitrary.js';
import { crossCheckMatch } from '../helpers/crossCheckMatch.js';
import { runs } from '../helpers/runs.js';

const cohortCase = fc.record({
  // A third with identity data missing: pairs of unknown difference are allowed, unpenalised and flagged.
  doc: fc.oneof(
    { weight: 2, arbitrary: cohortArbitrary({ maxCoaches: 15, maxCoachees: 40 }) },
    { weight: 1, arbitrary: withMissingIdentity(cohortArbitrary({ maxCoaches: 15, maxCoachees: 40 })) },
  ),
  policy: policyOverridesArbitrary,
  allowUnmatched: fc.boolean(),
});

describe(`${match.name} cross-checked: flow vs lp`, () => {
  it('gives the same status, objective and number matched with method flow and method lp, each matching feasible', () => {
    const statuses = { optimal: 0, feasible: 0, infeasible: 0, unknown: 0, error: 0 };
    fc.assert(
      fc.property(cohortCase, ({ doc, policy, allowUnmatched }) => {
        const report = crossCheckMatch(doc, policy, allowUnmatched);
        expect(report.disagreements).toEqual([]);
        statuses[report.status]++;
      }),
      { numRuns: runs(300) },
    );
    expect(statuses.optimal).toBeGreaterThan(runs(300) / 3);
    expect(statuses.feasible + statuses.unknown).toBe(0); // small cohorts are matched densely: always proven
    expect(statuses.infeasible).toBeGreaterThan(0);
  });
});
