/**
 * widenForPlaces against a plain reference: every coach with places joined to its
 * 4 × capacity coachees of highest row bound, found by sorting, ties to the coachee that comes
 * first counting from where the coaches before it would end, each taking 4 × capacity in turn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { placesStarts, widenForPlaces } from '../../src/candidates/widenForPlaces.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { alikeCohort } from '../helpers/alikeCohort.js';
import { runs } from '../helpers/runs.js';

describe('widenForPlaces', () => {
  it('joins each coach to the same coachees as sorting them all by bound would', () => {
    const shape = fc.record({
      coachees: fc.integer({ min: 1, max: 300 }),
      coaches: fc.integer({ min: 1, max: 25 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      roll: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(shape, ({ coachees, coaches, seed, roll }) => {
        const cohort = parseCohort(syntheticCohort(coachees, coaches, seed, { capacity: [0, 4] }));
        const { rows, cols, bounds, base } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
        const capacity = base.combined.capacity;
        const candidates = Array.from({ length: rows }, (_, i) => Int32Array.from([(i + roll) % cols]));
        const rowBounds = Array.from({ length: rows }, (_, i) => {
          const out = new Float64Array(cols);
          bounds.boundRow(i, out);
          return out;
        });
        const expected = candidates.map((list) => new Set(list));
        let start = 0;
        for (let j = 0; j < cols; j++) {
          if (capacity[j]! === 0) continue;
          const counted = (i: number) => (i - start + rows) % rows;
          const ranked = rowBounds.map((b, i) => ({ i, v: b[j]! })).sort((a, b) => b.v - a.v || counted(a.i) - counted(b.i));
          start = (start + Math.min(rows, 4 * capacity[j]!)) % rows;
          for (const { i } of ranked.slice(0, 4 * capacity[j]!)) expected[i]!.add(j);
        }
        const widened = candidates.map((list) => list.slice());
        const added = widenForPlaces(bounds, widened, capacity);
        const want = expected.map((set) => [...set].sort((a, b) => a - b));
        expect(widened.map((list) => Array.from(list))).toEqual(want);
        expect(added).toBe(want.reduce((n, list) => n + list.length, 0) - rows);
      }),
      { numRuns: runs(60) },
    );
  });

  it('joins coaches to coachees of their own when the coachees are all alike', () => {
    // 12 coaches of 1 place, 60 coachees alike by bound: ties to the earlier coachee joined every
    // coach to e00–e03; counted from each coach's start, the 48 joined are 48 different ones.
    const cohort = parseCohort(alikeCohort(syntheticCohort(60, 12, 1, { capacity: [1, 1] }), 'coachees'));
    const { rows, bounds, base } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
    const candidates = Array.from({ length: rows }, () => new Int32Array(0));
    widenForPlaces(bounds, candidates, base.combined.capacity);
    expect(candidates.filter((list) => list.length > 0)).toHaveLength(48);
    expect(Array.from(placesStarts(rows, base.combined.capacity))).toEqual(Array.from({ length: 12 }, (_, j) => (4 * j) % rows));
  });
});
