/**
 * The helper thread's share of the scans: rows selected or certified there give what rows done
 * here give, so a match with the helper is byte-identical to one without.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import type { Worker } from 'node:worker_threads';
import { CandidateHelper } from '../../src/candidates/candidateHelper.js';
import { joinVerdicts, RangeCertifier } from '../../src/candidates/certifier.js';
import { KEPT_PER_ROW } from '../../src/candidates/certifyCandidates.js';
import { RowBlocks } from '../../src/candidates/rowBlocks.js';
import { SharedCertifier } from '../../src/candidates/sharedCertifier.js';
import { packVerdict, unpackCandidates, unpackVerdict } from '../../src/candidates/packedSelection.js';
import { selectCandidates, selectRanges } from '../../src/candidates/selectCandidates.js';
import { addPlacesOffers, joinPlacesOffers, placesOffers, widenForPlaces, widenForPlacesShared } from '../../src/candidates/widenForPlaces.js';
import { match } from '../../src/engine/match.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { withMinimumLoads } from '../../fixtures/synthetic/fewKinds.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

const cohort = parseCohort(syntheticCohort(40, 300, 5));
const settings = resolvePolicy(cohort.policy, undefined);
const { bounds, exactWeights } = candidateContext(cohort, settings, defaultPolicies);
const rows = bounds.rows;
const cols = bounds.cols;

describe('candidate work shared with a helper thread', () => {
  it('hands the helper the cohort as JSON, which gives back the parsed cohort value for value', () => {
    // A parsed cohort must stay plain data (no Map, Date, NaN or undefined in a list) for
    // the helper's copy to be the same cohort.
    fc.assert(
      fc.property(cohortArbitrary({ maxCoaches: 6, maxCoachees: 6 }), (doc) => {
        const parsed = parseCohort(doc);
        expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(structuredClone(parsed));
      }),
      { numRuns: runs(40), seed: 3 },
    );
    expect(JSON.parse(JSON.stringify(cohort))).toStrictEqual(structuredClone(cohort));
  });

  it('selects a range of rows as the whole selection does', () => {
    const whole = selectCandidates(bounds, 3, exactWeights);
    for (const split of [0, 1, 17, rows]) {
      const first = selectCandidates(bounds, 3, exactWeights, 0, split);
      const later = selectCandidates(bounds, 3, exactWeights, split, rows);
      expect([...first.candidates, ...later.candidates], `split at ${split}`).toEqual(whole.candidates);
      expect(Array.from(later.top.rest)).toEqual(Array.from(whole.top.rest.subarray(split)));
    }
  });

  it('certifies two row ranges, round after round, as one certifier of every row', () => {
    const duals = (length: number, max: number) => fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: length, maxLength: length });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: rows - 1 }), fc.array(fc.tuple(duals(rows, 4), duals(cols, 2), fc.constantFrom(4, Infinity)), { minLength: 1, maxLength: 3 }), (split, rounds) => {
        const { candidates, top } = selectCandidates(bounds, 2, exactWeights);
        const whole = new RangeCertifier(bounds, exactWeights, top);
        const first = new RangeCertifier(bounds, exactWeights, selectCandidates(bounds, 2, exactWeights, 0, split).top);
        const later = new RangeCertifier(bounds, exactWeights, selectCandidates(bounds, 2, exactWeights, split, rows).top, split);
        for (const [row, col, cap] of rounds) {
          const expected = whole.check(candidates, { row, col }, cap, KEPT_PER_ROW);
          // The later range's verdict travels packed, as from the helper.
          const laterVerdict = unpackVerdict(packVerdict(later.check(candidates.slice(split), { row: row.slice(split), col }, cap, KEPT_PER_ROW)));
          const joined = joinVerdicts(first.check(candidates.slice(0, split), { row: row.slice(0, split), col }, cap, KEPT_PER_ROW), laterVerdict, split);
          const plain = ({ violators, violations, unverified, clearedByBound, clearedExactly }: typeof joined) => ({ violators: [...violators].sort((a, b) => a[0] - b[0]), violations, unverified, clearedByBound, clearedExactly });
          expect(plain(joined)).toEqual(plain(expected));
          // The same sum, term for term: wherever the threads' rows meet, the gap is the same number.
          expect(joined.gap).toBe(expected.gap);
          expect(Array.from(joined.gapTerms)).toEqual(Array.from(expected.gapTerms));
        }
      }),
      { numRuns: runs(25) },
    );
  });

  it('gives up on a helper that stops answering, and certifies its rows here', async () => {
    const helper = CandidateHelper.start(cohort, settings, defaultPolicies, 1)!;
    await (helper as unknown as { worker: Worker }).worker.terminate();
    helper.requestSelection(new RowBlocks(rows, 7), 3);
    expect(helper.selection()).toBeNull();
    expect(helper.alive).toBe(false);
    const { candidates, top } = selectCandidates(bounds, 3, exactWeights);
    const shared = new SharedCertifier(bounds, exactWeights, helper, selectCandidates(bounds, 3, exactWeights, 0, 20).top, 20);
    const whole = new RangeCertifier(bounds, exactWeights, top);
    const duals = { row: Array.from({ length: rows }, (_, i) => (i % 7) / 3), col: Array.from({ length: cols }, (_, j) => (j % 5) / 4) };
    const plain = ({ violators, violations, unverified, clearedByBound, clearedExactly }: ReturnType<typeof whole.check>) => ({ violators: [...violators].sort((a, b) => a[0] - b[0]), violations, unverified, clearedByBound, clearedExactly });
    const expected = plain(whole.check(candidates, duals, Infinity, KEPT_PER_ROW));
    expect(expected.violations).toBeGreaterThan(0);
    expect(plain(shared.check(candidates, duals, Infinity, KEPT_PER_ROW))).toEqual(expected);
  });

  it("finds the places' offers of the blocks this thread left, from the back, as this thread would", () => {
    const capacity = Int32Array.from({ length: cols }, (_, j) => j % 3);
    const whole = Array.from({ length: rows }, () => new Int32Array(0));
    const added = widenForPlaces(bounds, whole, capacity);
    expect(added).toBeGreaterThan(0);
    const helper = CandidateHelper.start(cohort, settings, defaultPolicies)!;
    try {
      const { blocks, mineRanges } = twoBlocksTaken();
      helper.requestOffers(blocks, capacity);
      const theirs = helper.offers()!;
      const mine = placesOffers(bounds, capacity, () => mineRanges.shift() ?? null);
      const shared = Array.from({ length: rows }, () => new Int32Array(0));
      expect(addPlacesOffers(shared, joinPlacesOffers(mine, theirs, rows, capacity), rows, capacity)).toBe(added);
      expect(shared).toEqual(whole);
      // The helper's offers alone miss the rows this thread took.
      const theirsOnly = Array.from({ length: rows }, () => new Int32Array(0));
      addPlacesOffers(theirsOnly, theirs, rows, capacity);
      expect(theirsOnly.slice(0, 14).every((list) => list.length === 0)).toBe(true);
      // Shared as a match shares them, the same pairs again.
      const again = Array.from({ length: rows }, () => new Int32Array(0));
      expect(widenForPlacesShared(bounds, again, capacity, helper, 5)).toBe(added);
      expect(again).toEqual(whole);
    } finally {
      helper.close();
    }
  });

  it('beats every 1,024 rows it certifies, so a long certificate is not taken for a stall', () => {
    // 2,500 coachees: beats at rows 0, 1,024 and 2,048.
    const many = parseCohort(syntheticCohort(2500, 30, 6));
    const context = candidateContext(many, resolvePolicy(many.policy, undefined), defaultPolicies);
    const { candidates, top } = selectCandidates(context.bounds, 3, context.exactWeights);
    let beats = 0;
    const duals = { row: new Array<number>(2500).fill(0), col: new Array<number>(30).fill(0) };
    new RangeCertifier(context.bounds, context.exactWeights, top).check(candidates, duals, Infinity, KEPT_PER_ROW, () => beats++);
    expect(beats).toBe(3);
  });

  it('selects the blocks this thread left, from the back, and certifies them as one certifier of every row', () => {
    const k = 3;
    const helper = CandidateHelper.start(cohort, settings, defaultPolicies)!;
    try {
      const { blocks, mineRanges } = twoBlocksTaken();
      helper.requestSelection(blocks, k);
      const answer = helper.selection()!;
      const split = 14;
      expect(answer.from).toBe(split);
      const whole = selectCandidates(bounds, k, exactWeights);
      const theirs = unpackCandidates(answer.packed).map((list) => Array.from(list));
      expect(theirs).toEqual(whole.candidates.slice(split).map((list) => Array.from(list)));
      expect(Array.from(answer.packed.weights)).toEqual(whole.weights.slice(split).flatMap((w) => Array.from(w)));
      let given = 0;
      const mine = selectRanges(bounds, k, exactWeights, () => mineRanges[given++] ?? null);
      expect(mine.to).toBe(split);
      const shared = new SharedCertifier(bounds, exactWeights, helper, mine.selection.top, split);
      const alone = new RangeCertifier(bounds, exactWeights, whole.top);
      const plain = ({ violators, violations, unverified, clearedByBound, clearedExactly, gap }: ReturnType<typeof alone.check>) => ({ violators: [...violators].sort((a, b) => a[0] - b[0]), violations, unverified, clearedByBound, clearedExactly, gap });
      for (const shift of [0, 1, 2]) {
        const duals = { row: Array.from({ length: rows }, (_, i) => ((i + shift) % 7) / 3), col: Array.from({ length: cols }, (_, j) => ((j + shift) % 5) / 4) };
        const expected = plain(alone.check(whole.candidates, duals, Infinity, KEPT_PER_ROW));
        expect(expected.violations).toBeGreaterThan(0);
        expect(plain(shared.check(whole.candidates, duals, Infinity, KEPT_PER_ROW))).toEqual(expected);
      }
    } finally {
      helper.close();
    }
  });

  it('gives the same matching, byte for byte, with the helper as without', () => {
    // Several rounds each: the helper's memory, lists and weights carry from one to the next.
    for (const [coachees, coaches, seed, k] of [
      [200, 80, 1, 1],
      [200, 50, 1, 2],
      [61, 40, 2, 4],
    ] as const) {
      const synthetic = parseCohort(syntheticCohort(coachees, coaches, seed));
      const alone = match(synthetic, { candidates: 'always', candidateSettings: { k, maxRounds: 16, parallelPairs: Infinity } });
      const shared = match(synthetic, { candidates: 'always', candidateSettings: { k, maxRounds: 16, parallelPairs: 0 } });
      expect(alone.candidates?.certified).toBe(true);
      if (k < 4) expect(alone.candidates?.rounds).toBeGreaterThan(3);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    }
  });

  it('gives the same matching with the helper as without where coaches join their best coachees first: places scarce, or minimum loads', () => {
    // 300 coachees for about 150 places (solved by places), and every coach to take one coachee.
    // Which rows the helper takes is up to the threads (here mostly none: the blocks are of 1,024
    // rows); the shares themselves are tested above and in widenForPlaces.test.ts.
    const scarce = parseCohort(syntheticCohort(300, 30, 3));
    const bound = parseCohort(withMinimumLoads(syntheticCohort(120, 40, 4), 1) as CohortInput);
    for (const [cohort, allowUnmatched] of [[scarce, true], [bound, false]] as const) {
      const alone = match(cohort, { allowUnmatched, candidates: 'always', candidateSettings: { k: 2, maxRounds: 16, parallelPairs: Infinity } });
      const shared = match(cohort, { allowUnmatched, candidates: 'always', candidateSettings: { k: 2, maxRounds: 16, parallelPairs: 0 } });
      expect(alone.candidates?.certified).toBe(true);
      expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    }
  });
});

/** Blocks of 7 rows, of which this thread has taken the first two (rows 0–13) before the helper starts on the others. */
function twoBlocksTaken(): { blocks: RowBlocks; mineRanges: (readonly [number, number] | null)[] } {
  const blocks = new RowBlocks(rows, 7);
  const front = blocks.fromFront();
  return { blocks, mineRanges: [front(), front()] };
}
