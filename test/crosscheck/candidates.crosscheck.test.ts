import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateCheckCase, crossCheckCandidates } from '../helpers/crossCheckCandidates.js';
import { runs } from '../helpers/runs.js';

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
});
