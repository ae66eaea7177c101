/**
 * widenForPlaces against a plain reference: every coach with places joined to its
 * 4 × capacity coachees of highest row bound, found by sorting, ties to the coachee that comes
 * first counting from where the coaches before it would end, each taking 4 × capacity in turn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { RowBlocks } from '../../src/candidates/rowBlocks.js';
import { addPlacesOffers, joinPlacesOffers, placesOffers, placesStarts, widenForPlaces, widenForPlacesShared, type OffersHelper } from '../../src/candidates/widenForPlaces.js';
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

  it('adds the same pairs from two shares of the rows, taken in blocks from either end, as from one pass', () => {
    // One thread's turns: which end takes the next block (the two threads' races, replayed).
    const shape = fc.record({
      coachees: fc.integer({ min: 1, max: 200 }),
      coaches: fc.integer({ min: 1, max: 20 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      blockRows: fc.integer({ min: 1, max: 60 }),
      turns: fc.array(fc.boolean(), { maxLength: 40 }),
      alike: fc.boolean(),
    });
    fc.assert(
      fc.property(shape, ({ coachees, coaches, seed, blockRows, turns, alike }) => {
        const generated = syntheticCohort(coachees, coaches, seed, { capacity: [0, 3] });
        const cohort = parseCohort(alike ? alikeCohort(generated, 'coachees') : generated);
        const { rows, bounds, base } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
        const capacity = base.combined.capacity;
        const blocks = new RowBlocks(rows, blockRows);
        const [front, back] = [blocks.fromFront(), blocks.fromBack()];
        const frontRanges: (readonly [number, number])[] = [];
        const backRanges: (readonly [number, number])[] = [];
        for (let t = 0; ; t++) {
          const takeFront = turns[t % Math.max(1, turns.length)] ?? true;
          const range = (takeFront ? front : back)();
          if (range === null) break;
          (takeFront ? frontRanges : backRanges).push(range);
        }
        const handOut = (ranges: (readonly [number, number])[]) => () => ranges.shift() ?? null;
        const joined = joinPlacesOffers(placesOffers(bounds, capacity, handOut(frontRanges)), placesOffers(bounds, capacity, handOut(backRanges)), rows, capacity);
        const shared = Array.from({ length: rows }, () => new Int32Array(0));
        const whole = Array.from({ length: rows }, () => new Int32Array(0));
        expect(addPlacesOffers(shared, joined, rows, capacity)).toBe(widenForPlaces(bounds, whole, capacity));
        expect(shared).toEqual(whole);
      }),
      { numRuns: runs(60) },
    );
  });

  it('finds here the offers of the rows a helper took and then stalled on', () => {
    const cohort = parseCohort(syntheticCohort(90, 14, 4, { capacity: [0, 3] }));
    const { rows, bounds, base } = candidateContext(cohort, resolvePolicy(cohort.policy, undefined), defaultPolicies);
    const capacity = base.combined.capacity;
    const whole = Array.from({ length: rows }, () => new Int32Array(0));
    const added = widenForPlaces(bounds, whole, capacity);
    // Takes three blocks of 8 rows from the back (rows 66–89), then never answers.
    let took = 0;
    const stalling: OffersHelper = {
      alive: true,
      requestOffers(blocks) {
        const back = blocks.fromBack();
        for (let n = 0; n < 3; n++) took += back() === null ? 0 : 1;
      },
      offers: () => null,
    };
    const shared = Array.from({ length: rows }, () => new Int32Array(0));
    expect(widenForPlacesShared(bounds, shared, capacity, stalling, 8)).toBe(added);
    expect(took).toBe(3);
    expect(shared).toEqual(whole);
    expect(shared.slice(66).some((list) => list.length > 0)).toBe(true);
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
