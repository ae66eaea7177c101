import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';
import { candidateCheckCase, crossCheckCandidates } from '../helpers/crossCheckCandidates.js';
import { runs } from '../helpers/runs.js';

/** Built-in policies, each once, some left out: half the time similarity–diversity, whose insider penalty the bounds once kept. */
const withoutSomePolicy = fc.oneof(
  fc.subarray(defaultPolicies.filter((p) => p.name !== 'similarity-diversity')),
  fc.subarray([...defaultPolicies]),
);

describe('match on candidate pairs cross-checked against every pair (fallback off)', () => {
  it('claims nothing the dense match does not bear out: certified results equal it, the rest stay below it', () => {
    const statuses = { optimal: 0, feasible: 0, infeasible: 0, unknown: 0, error: 0 };
    fc.assert(
      fc.property(candidateCheckCase, ({ doc, policy, allowUnmatched, k, byKinds }) => {
        const report = crossCheckCandidates(doc, policy, allowUnmatched, { k, maxRounds: 20, byKinds });
        expect(report.disagreements).toEqual([]);
        statuses[report.status]++;
      }),
      { numRuns: runs(80) },
    );
    // Worth something only if both outcomes come up.
    expect(statuses.optimal).toBeGreaterThan(0);
    expect(statuses.infeasible).toBeGreaterThan(0);
  });

  it('bounds only the built-in policies a caller lists: one left out adds nothing to a bound (hunt E: similarity–diversity left out certified a worse matching)', () => {
    fc.assert(
      fc.property(candidateCheckCase, withoutSomePolicy, ({ doc, policy, allowUnmatched, k, byKinds }, policies) => {
        const report = crossCheckCandidates(doc, policy, allowUnmatched, { k, maxRounds: 20, byKinds, policies });
        expect(report.disagreements).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuses a policy of the caller’s on every candidate path, matching by kinds too (hunt E: twins told apart by it got one kind’s places)', () => {
    // Two exact twins and two coaches: a policy that favours one twin at one coach is one kinds cannot see.
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const cohort = parseCohort({
      coaches: ['c0', 'c1'].map((id) => ({ id, name: id, capacity: 1, support })),
      coachees: ['e0', 'e1'].map((id) => ({ id, name: 'Twin', needs: support })),
    });
    const favour: Policy = {
      name: 'favourE0AtC1',
      apply: ({ features }) => {
        const values = new Float64Array(features.pairs.size);
        const at = features.pairs.indexOf(features.coacheeIds.indexOf('e0'), features.coachIds.indexOf('c1'));
        if (at >= 0) values[at] = 10;
        return { terms: [{ key: 'favour', label: 'favour', values }], bans: [] };
      },
    };
    const policies = [...defaultPolicies, favour];
    const dense = match(cohort, { policies, candidates: 'never' });
    expect(dense.coachees.find((c) => c.coacheeId === 'e0')).toMatchObject({ coachId: 'c1' });
    for (const byKinds of [true, false]) {
      expect(() => match(cohort, { policies, candidates: 'always', candidateSettings: { byKinds } }), String(byKinds)).toThrow(/"favourE0AtC1" is not built in/);
    }
  });
});
