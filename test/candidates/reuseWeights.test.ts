import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { reuseWeights, twinsOnOneList, waiverRisk, weighedBySelection } from '../../src/candidates/reuseWeights.js';
import { selectCandidates } from '../../src/candidates/selectCandidates.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';
import { alikeCohort, type Alike } from '../helpers/alikeCohort.js';

const COLS = 6;

/** Per row, a sorted set of columns. */
const lists = (rows: number) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: COLS - 1 }), { maxLength: COLS }).map((l) => [...l].sort((a, b) => a - b)), { minLength: rows, maxLength: rows });

function toPairs(rowsLists: number[][]): PairSet {
  const rowStart = new Int32Array(rowsLists.length + 1);
  rowsLists.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
  return sparsePairSet(rowsLists.length, COLS, rowStart, Int32Array.from(rowsLists.flat()));
}

/**
 * A stand-in evaluation whose weight depends on the row's whole list (as a waiver can) and
 * that counts the pairs it is asked for.
 */
function counting() {
  let evaluated = 0;
  const evaluate = (pairs: PairSet) => {
    evaluated += pairs.size;
    const out = new Float64Array(pairs.size);
    for (let i = 0; i < pairs.rows; i++) {
      const length = pairs.rowStart[i + 1]! - pairs.rowStart[i]!;
      for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) out[p] = (i + 1) * 100 + pairs.colIndex[p]! + (length === 1 ? Number.NaN : length / 10);
    }
    return out;
  };
  return { evaluate, evaluated: () => evaluated };
}

describe('reuseWeights', () => {
  it('equals a fresh evaluation and evaluates only the rows whose list changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((rows) => fc.tuple(lists(rows), lists(rows), fc.array(fc.boolean(), { minLength: rows, maxLength: rows }))),
        ([before, other, keep]) => {
          const after = before.map((l, i) => (keep[i] ? l : other[i]!));
          const first = counting();
          const oldPairs = toPairs(before);
          const oldWeights = first.evaluate(oldPairs);
          const reuse = counting();
          const newPairs = toPairs(after);
          const got = reuseWeights(newPairs, { pairs: oldPairs, weights: oldWeights }, reuse.evaluate);
          expect(Array.from(got)).toEqual(Array.from(counting().evaluate(newPairs)));
          const changedPairs = after.reduce((n, l, i) => n + (l.join() === before[i]!.join() ? 0 : l.length), 0);
          expect(reuse.evaluated()).toBe(changedPairs);
          // Nothing changed: the old weights themselves, not a copy.
          expect(got === oldWeights).toBe(after.every((l, i) => l.join() === before[i]!.join()));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('evaluates everything when there is nothing before', () => {
    const { evaluate, evaluated } = counting();
    const pairs = toPairs([[0, 2], [1]]);
    expect(Array.from(reuseWeights(pairs, null, evaluate))).toEqual(Array.from(counting().evaluate(pairs)));
    expect(evaluated()).toBe(3);
  });

  it('equals a fresh evaluation of real cohorts when rows gain pairs, some up to every coach (where waivers apply)', () => {
    const growth = fc.record({
      doc: cohortArbitrary({ maxCoaches: 8, maxCoachees: 10 }),
      policy: policyOverridesArbitrary,
      seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 10, maxLength: 10 }),
    });
    fc.assert(
      fc.property(growth, ({ doc, policy, seed }) => {
        const cohort = parseCohort(doc);
        const context = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
        const { rows, cols, exactWeights, base } = context;
        // Row i starts with a subset of the columns and gains more; some rows gain every column.
        const before: number[][] = [];
        const after: number[][] = [];
        for (let i = 0; i < rows; i++) {
          const [a, b, everything] = seed[i % seed.length]!;
          const start = Array.from({ length: cols }, (_, j) => j).filter((j) => ((a >> j) & 1) === 1);
          before.push(start);
          after.push(everything ? Array.from({ length: cols }, (_, j) => j) : [...new Set([...start, ...Array.from({ length: cols }, (_, j) => j).filter((j) => ((b >> j) & 1) === 1)])].sort((x, y) => x - y));
        }
        const pairsOf = (lists: number[][]) => {
          const rowStart = new Int32Array(rows + 1);
          lists.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
          return sparsePairSet(rows, cols, rowStart, Int32Array.from(lists.flat()));
        };
        const oldPairs = pairsOf(before);
        const newPairs = pairsOf(after);
        const mayWaive = waiverRisk(base.combined.bans, rows, cols, base.combined.capacity);
        // Room holding what an earlier round left there: every entry must be written over.
        const leftOver = (length: number) => new Float64Array(length).fill(-12_345.5);
        const reused = reuseWeights(newPairs, { pairs: oldPairs, weights: exactWeights(oldPairs) }, exactWeights, mayWaive, leftOver);
        const fresh = exactWeights(newPairs);
        for (let p = 0; p < fresh.length; p++) expect(Object.is(reused[p], fresh[p]) || reused[p] === fresh[p], `pair ${p}: ${reused[p]} vs ${fresh[p]}`).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  });

  it('copies a twin’s weights to twins on the same list exactly as a fresh evaluation gives them, waivers or not', () => {
    const growth = fc.record({
      doc: fc.constantFrom<Alike>('coachees', 'fewKinds').chain((alike) => cohortArbitrary({ maxCoaches: 8, maxCoachees: 16 }).map((doc) => alikeCohort(doc as unknown as Record<string, unknown>, alike))),
      policy: policyOverridesArbitrary,
      masks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 16, maxLength: 16 }),
      apart: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    });
    let copied = 0;
    fc.assert(
      fc.property(growth, ({ doc, policy, masks, apart }) => {
        const cohort = parseCohort(doc);
        const { rows, cols, exactWeights, base, bounds } = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
        if (bounds.twinOf === undefined) return;
        const columns = (mask: number) => Int32Array.from({ length: cols }, (_, j) => j).filter((j) => ((mask >> j) & 1) === 1);
        // Each twin group starts on one subset and gains more on one shared list; rows flagged apart get their own list.
        const groupLists = new Map<number, { before: Int32Array; after: Int32Array }>();
        const before: Int32Array[] = [];
        const after: Int32Array[] = [];
        for (let i = 0; i < rows; i++) {
          const [a, b] = masks[bounds.twinOf[i]! % masks.length]!;
          if (!groupLists.has(bounds.twinOf[i]!)) groupLists.set(bounds.twinOf[i]!, { before: columns(a), after: columns(a | b) });
          const lists = groupLists.get(bounds.twinOf[i]!)!;
          before.push(lists.before);
          after.push(apart[i % apart.length] ? columns(a | b | (1 << (i % cols))) : lists.after);
        }
        const pairsOf = (lists: Int32Array[]) => {
          const rowStart = new Int32Array(rows + 1);
          lists.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
          const colIndex = new Int32Array(rowStart[rows]!);
          lists.forEach((l, i) => colIndex.set(l, rowStart[i]!));
          return sparsePairSet(rows, cols, rowStart, colIndex);
        };
        const oldPairs = pairsOf(before);
        const newPairs = pairsOf(after);
        const mayWaive = waiverRisk(base.combined.bans, rows, cols, base.combined.capacity);
        const sameAs = twinsOnOneList(after, bounds.twinOf);
        copied += sameAs.filter((s, i) => s >= 0 && !mayWaive(i, after[i]!.length) && after[i] !== before[i]).length;
        const leftOver = (length: number) => new Float64Array(length).fill(-12_345.5);
        const reused = reuseWeights(newPairs, { pairs: oldPairs, weights: exactWeights(oldPairs) }, exactWeights, mayWaive, leftOver, sameAs);
        const fresh = exactWeights(newPairs);
        for (let p = 0; p < fresh.length; p++) expect(Object.is(reused[p], fresh[p]) || reused[p] === fresh[p], `pair ${p}: ${reused[p]} vs ${fresh[p]}`).toBe(true);
      }),
      { numRuns: runs(150) },
    );
    // Else the draws would not test the copies.
    expect(copied).toBeGreaterThan(0);
  });

  it('evaluates a row whole when its new pairs and its avoided coaches together ban every coach (the row is then waived)', () => {
    // x, an insider too similar to a, c and d, avoids d: once x's candidates are a and c,
    // every coach with places is banned and the minimum-difference bans are waived.
    const coach = (id: string, attributes: Record<string, string | number>) => ({ id, name: id, capacity: 1, attributes, support: { socioEmotional: 1, network: 1, autonomy: 1, career: 1 } });
    const cohort = parseCohort({
      attributes: [
        { key: 'gender', kind: 'categorical', role: 'identity' },
        { key: 'nationality', kind: 'categorical', role: 'identity', weight: 0.75 },
        { key: 'age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 }, sharedWithin: 5 },
      ],
      coaches: [coach('a', { gender: 'm', nationality: 'NL' }), coach('c', { gender: 'm', nationality: 'DE', age: 20 }), coach('d', { gender: 'm', nationality: 'NL' })],
      coachees: [{ id: 'x', name: 'x', attributes: { gender: 'm', nationality: 'NL', age: 20 }, needs: { socioEmotional: 1, network: 1, autonomy: 1, career: 1 }, avoid: ['d'] }],
    });
    const { exactWeights, base, cols } = candidateContext(cohort, resolvePolicy(cohort.policy, { hardMinDifference: true }), defaultPolicies);
    const oldPairs = sparsePairSet(1, cols, Int32Array.of(0, 1), Int32Array.of(0));
    const newPairs = sparsePairSet(1, cols, Int32Array.of(0, 2), Int32Array.of(0, 1));
    const fresh = exactWeights(newPairs);
    expect(Number.isNaN(exactWeights(oldPairs)[0]!), 'a alone: banned, no waiver').toBe(true);
    expect(Array.from(fresh).every(Number.isFinite), 'a and c: waived').toBe(true);
    const mayWaive = waiverRisk(base.combined.bans, 1, cols, base.combined.capacity);
    expect(Array.from(reuseWeights(newPairs, { pairs: oldPairs, weights: exactWeights(oldPairs) }, exactWeights, mayWaive))).toEqual(Array.from(fresh));
  });

  it('takes over the selection’s weights for the first round exactly as a fresh evaluation gives them', () => {
    fc.assert(
      fc.property(cohortArbitrary({ maxCoaches: 8, maxCoachees: 10 }), policyOverridesArbitrary, fc.integer({ min: 1, max: 4 }), (doc, policy, k) => {
        const cohort = parseCohort(doc);
        const { rows, cols, bounds, exactWeights, base } = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
        const selection = selectCandidates(bounds, Math.min(k, cols), exactWeights);
        const mayWaive = waiverRisk(base.combined.bans, rows, cols, base.combined.capacity);
        const before = weighedBySelection(selection.candidates, selection.weights, selection.evaluated, cols, mayWaive);
        const rowStart = new Int32Array(rows + 1);
        selection.candidates.forEach((list, i) => (rowStart[i + 1] = rowStart[i]! + list.length));
        const pairs = sparsePairSet(rows, cols, rowStart, Int32Array.from(selection.candidates.flatMap((list) => Array.from(list))));
        const fresh = exactWeights(pairs);
        const taken = reuseWeights(pairs, before, exactWeights, mayWaive);
        for (let p = 0; p < fresh.length; p++) expect(Object.is(taken[p], fresh[p]) || taken[p] === fresh[p], `pair ${p}: ${taken[p]} vs ${fresh[p]}`).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
