/**
 * widenForCardinality against a plain reference: every spare coach joined to its
 * PER_PLACE × spare-places unplaced coachees of highest row bound (ties to the earlier
 * coachee), every unplaced coachee to its PER_ROW spare coaches of highest bound (ties to
 * the lower coach), found by sorting; and each unplaced coachee, in order, to the spare coach
 * of highest bound not among its candidates whose places earlier coachees have not claimed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { BoundedBest } from '../../src/candidates/boundedBest.js';
import { widenForCardinality } from '../../src/candidates/widenForCardinality.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { alikeCohort } from '../helpers/alikeCohort.js';
import { runs } from '../helpers/runs.js';

function reference(rowBound: (i: number) => Float64Array, rows: number, cols: number, candidates: Int32Array[], assignment: (number | null)[], loads: number[], capacity: Int32Array): number[][] {
  const spare = Array.from({ length: cols }, (_, j) => j).filter((j) => loads[j]! < capacity[j]!);
  const unplaced = Array.from({ length: rows }, (_, i) => i).filter((i) => assignment[i] === null);
  const out = candidates.map((list) => new Set(list));
  if (spare.length === 0 || unplaced.length === 0) return out.map((set) => [...set].sort((a, b) => a - b));
  const bounds = new Map(unplaced.map((i) => [i, rowBound(i)]));
  const unclaimed = new Map(spare.map((j) => [j, capacity[j]! - loads[j]!]));
  for (const i of unplaced) {
    const ranked = spare.map((j) => ({ j, v: bounds.get(i)![j]! })).sort((a, b) => b.v - a.v || a.j - b.j);
    for (const { j } of ranked.slice(0, 4)) out[i]!.add(j);
    const claim = ranked.find(({ j }) => unclaimed.get(j)! > 0 && !candidates[i]!.includes(j));
    if (claim !== undefined) {
      unclaimed.set(claim.j, unclaimed.get(claim.j)! - 1);
      out[i]!.add(claim.j);
    }
  }
  for (const j of spare) {
    const ranked = unplaced.map((i) => ({ i, v: bounds.get(i)![j]! })).sort((a, b) => b.v - a.v || a.i - b.i);
    for (const { i } of ranked.slice(0, 4 * (capacity[j]! - loads[j]!))) out[i]!.add(j);
  }
  return out.map((set) => [...set].sort((a, b) => a - b));
}

describe('widenForCardinality', () => {
  it('joins the same pairs as sorting every coachee and every spare coach by bound would', () => {
    const shape = fc.record({
      coachees: fc.integer({ min: 10, max: 80 }),
      coaches: fc.integer({ min: 2, max: 25 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      placedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      roll: fc.integer({ min: 0, max: 1_000_000 }),
      alike: fc.constantFrom('none', 'coachees', 'coaches', 'fewKinds'),
    });
    fc.assert(
      fc.property(shape, ({ coachees, coaches, seed, placedShare, roll, alike }) => {
        const cohort = parseCohort(alikeCohort(syntheticCohort(coachees, coaches, seed, { capacity: [0, 4] }), alike));
        const { rows, cols, bounds, base } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
        const capacity = base.combined.capacity;
        // Some coachees placed where there is room; the rest unplaced.
        const loads = new Array<number>(cols).fill(0);
        const assignment = Array.from({ length: rows }, (_, i): number | null => {
          const j = (i * 7 + roll) % cols;
          if ((i * 13 + roll) % 100 >= placedShare * 100 || loads[j]! >= capacity[j]!) return null;
          loads[j]!++;
          return j;
        });
        const candidates = Array.from({ length: rows }, (_, i) => Int32Array.from([(i + roll) % cols]));
        const rowBound = (i: number) => {
          const out = new Float64Array(cols);
          bounds.boundRow(i, out);
          return out;
        };
        const expected = reference(rowBound, rows, cols, candidates, assignment, loads, capacity);
        const widened = candidates.map((list) => list.slice());
        const added = widenForCardinality(bounds, widened, { assignment, loads }, capacity);
        expect(widened.map((list) => Array.from(list))).toEqual(expected);
        expect(added).toBe(expected.reduce((n, list) => n + list.length, 0) - rows);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('BoundedBest', () => {
  it('keeps the best offers, ties to the lower row, as sorting them all does, whatever the order of the offers', () => {
    const offers = fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 60 }).chain((values) =>
      fc.record({ values: fc.constant(values), order: fc.shuffledSubarray(Array.from(values.keys()), { minLength: values.length, maxLength: values.length }) }),
    );
    fc.assert(
      fc.property(offers, fc.nat({ max: 20 }), fc.boolean(), ({ values, order }, size, ascending) => {
        const best = new BoundedBest(size);
        for (const row of ascending ? values.keys() : order) best.offer(values[row]!, row);
        const expected = values
          .map((v, row) => ({ v, row }))
          .sort((a, b) => b.v - a.v || a.row - b.row)
          .slice(0, size)
          .map((e) => e.row)
          .sort((a, b) => a - b);
        expect(Array.from(best.rows()).sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: runs(500) },
    );
  });
});
