/**
 * Exact twins (coachees whose pairs weigh the same at every coach) and the two places that use
 * them: weights evaluated once per group of twins, and a twin's selection copied from another's.
 * Each is held against the same work done row by row, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { solverWeights } from '../../src/candidates/evaluatePairs.js';
import { exactTwins } from '../../src/candidates/exactTwins.js';
import type { PairBounds } from '../../src/candidates/pairBounds.js';
import { selectCandidates, selectRanges } from '../../src/candidates/selectCandidates.js';
import { twinAwareWeights } from '../../src/candidates/twinWeights.js';
import { prepareMatch } from '../../src/engine/match.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { cohortArbitrary, policyOverridesArbitrary, withMissingIdentity } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

type CoacheeInput = CohortInput['coachees'][number];

/**
 * The cohort with `copies` clones of each picked coachee: new ids and names, the same record, no
 * wishes or current coach; with `relations`, each clone also has the coachee's relations (to
 * the same people). Clones of one coachee are twins of each other, and of it when it has no
 * wishes or current coach and either they copy its relations or it has none.
 */
function withClones(doc: CohortInput, picks: readonly number[], copies: number, relations = false): CohortInput {
  const clones: CoacheeInput[] = [];
  const cloneRelations: NonNullable<CohortInput['relations']>[number][] = [];
  for (const [q, pick] of picks.entries()) {
    const original = doc.coachees[pick % doc.coachees.length]!;
    for (let c = 0; c < copies; c++) {
      const { currentCoach: _current, ...rest } = original;
      const id = `${original.id}-twin-${q}-${c}`;
      clones.push({ ...structuredClone(rest), id, name: `Twin ${c} of ${original.name}`, preferences: [], avoid: [] });
      if (!relations) continue;
      for (const r of doc.relations ?? []) {
        if (r.from === original.id) cloneRelations.push({ ...r, from: id });
        else if (r.to === original.id) cloneRelations.push({ ...r, to: id });
      }
    }
  }
  return { ...doc, coachees: [...doc.coachees, ...clones], relations: [...(doc.relations ?? []), ...cloneRelations] };
}

const clonedCohort = fc
  .tuple(withMissingIdentity(cohortArbitrary({ maxCoachees: 8 })), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 3 }), fc.boolean(), fc.option(policyOverridesArbitrary, { nil: undefined }))
  .map(([doc, picks, copies, relations, policy]) => ({ doc: withClones(doc, picks, copies, relations), policy }));

/** Row i's dense weights, one per column (NaN when banned). */
function denseRows(doc: CohortInput, policy: PolicyInput | undefined): { rows: number; cols: number; weight: (i: number, j: number) => number; multiplier: Float64Array } {
  const { combined } = prepareMatch(parseCohort(doc), { policy });
  const dense = solverWeights(combined);
  return { rows: combined.rows, cols: combined.cols, weight: (i, j) => dense[i * combined.cols + j]!, multiplier: combined.rowMultiplier };
}

describe('exactTwins', () => {
  it('twins weigh the same at every coach, bit for bit, and have the same bounds; clones of one coachee are always twins, relations copied or none', () => {
    fc.assert(
      fc.property(clonedCohort, ({ doc, policy }) => {
        const cohort = parseCohort(doc);
        const twinOf = exactTwins(cohort);
        // Every clone is in a group, with the other clones of its coachee at least.
        expect(twinOf).not.toBeNull();
        const rowOf = new Map(cohort.coachees.map((c, i) => [c.id, i]));
        const groupOf = new Map<string, number>();
        for (const c of cohort.coachees) {
          const original = /^(.*)-twin-\d+-\d+$/.exec(c.id)?.[1];
          if (original === undefined) continue;
          const group = twinOf![rowOf.get(c.id)!]!;
          expect(groupOf.get(original) ?? group).toBe(group);
          groupOf.set(original, group);
        }
        const { rows, cols, weight, multiplier } = denseRows(doc, policy);
        const context = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
        const own = new Float64Array(cols);
        const first = new Float64Array(cols);
        const all = Int32Array.from({ length: cols }, (_, j) => j);
        const ownPairs = new Float64Array(cols);
        const firstPairs = new Float64Array(cols);
        for (let i = 0; i < rows; i++) {
          const f = twinOf![i]!;
          expect(f).toBeLessThanOrEqual(i);
          expect(twinOf![f]).toBe(f);
          if (f === i) continue;
          expect(multiplier[i]).toBe(multiplier[f]);
          for (let j = 0; j < cols; j++) expect(Object.is(weight(i, j), weight(f, j)), `rows ${f} and ${i}, column ${j}`).toBe(true);
          context.bounds.boundRow(i, own);
          context.bounds.boundRow(f, first);
          expect(Array.from(own)).toEqual(Array.from(first));
          context.bounds.boundsOf(i, all, cols, ownPairs);
          context.bounds.boundsOf(f, all, cols, firstPairs);
          expect(Array.from(ownPairs)).toEqual(Array.from(firstPairs));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('takes none for coachees whose weighed inputs, wishes, current coach or relations differ', () => {
    const doc = withClones(
      {
        attributes: [
          { key: 'gender', label: 'Gender', kind: 'categorical', role: 'identity' },
          { key: 'sector', label: 'Sector', kind: 'categorical', role: 'profession' },
        ],
        coaches: [
          { id: 'a', name: 'A', capacity: 2, attributes: { gender: 'f' }, support: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } },
          { id: 'b', name: 'B', capacity: 2, attributes: { gender: 'm' }, support: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } },
        ],
        coachees: [{ id: 'e', name: 'E', attributes: { gender: 'f' }, needs: { socioEmotional: 2, network: 2, autonomy: 2, career: 2 } }],
        people: [{ id: 'p', name: 'P' }],
        relations: [],
      },
      [0],
      1,
    );
    expect(Array.from(exactTwins(parseCohort(doc))!)).toEqual([0, 0]);
    const variants: [string, (c: CoacheeInput) => CoacheeInput][] = [
      ['a preference', (c) => ({ ...c, preferences: ['a'] })],
      ['an avoided coach', (c) => ({ ...c, avoid: ['b'] })],
      ['a current coach', (c) => ({ ...c, currentCoach: 'a' })],
      ['another priority', (c) => ({ ...c, priority: 2 })],
      ['other needs', (c) => ({ ...c, needs: { ...c.needs, career: 3 } })],
      ['another attribute value', (c) => ({ ...c, attributes: { gender: 'm' } })],
      ['an unknown attribute', (c) => ({ ...c, attributes: {} })],
      ['an aspiration', (c) => ({ ...c, aspiration: { sector: 'HR' } })],
    ];
    for (const [what, change] of variants) {
      const changed = { ...doc, coachees: [doc.coachees[0]!, change(doc.coachees[1]!)] };
      expect(exactTwins(parseCohort(changed)), what).toBeNull();
    }
    // A relation of one alone, or of each to another person, or between the two, tells them apart.
    const relations: [string, CohortInput['relations']][] = [
      ['evaluated by p', [{ from: 'p', to: 'e-twin-0-0', type: 'evaluates' }]],
      ['manages p', [{ from: 'e-twin-0-0', to: 'p', type: 'manages' }]],
      ['family of p', [{ from: 'e-twin-0-0', to: 'p', type: 'family' }]],
      ['managed by a and by b', [{ from: 'a', to: 'e', type: 'manages' }, { from: 'b', to: 'e-twin-0-0', type: 'manages' }]],
      ['p manages one, evaluates the other', [{ from: 'p', to: 'e', type: 'manages' }, { from: 'p', to: 'e-twin-0-0', type: 'evaluates' }]],
      ['p manages one, the other manages p', [{ from: 'p', to: 'e', type: 'manages' }, { from: 'e-twin-0-0', to: 'p', type: 'manages' }]],
      ['family of each other', [{ from: 'e', to: 'e-twin-0-0', type: 'family' }]],
      ['one manages the other', [{ from: 'e', to: 'e-twin-0-0', type: 'manages' }]],
    ];
    for (const [what, list] of relations) expect(exactTwins(parseCohort({ ...doc, relations: list })), what).toBeNull();
    // The same relations to the same people keep them twins, whichever way a symmetric one was written.
    const same: CohortInput['relations'] = [
      { from: 'p', to: 'e', type: 'manages' },
      { from: 'p', to: 'e-twin-0-0', type: 'manages' },
      { from: 'a', to: 'e', type: 'family' },
      { from: 'e-twin-0-0', to: 'a', type: 'family' },
      { from: 'b', to: 'e', type: 'previouslyCoached' },
      { from: 'b', to: 'e-twin-0-0', type: 'previouslyCoached' },
    ];
    expect(Array.from(exactTwins(parseCohort({ ...doc, relations: same }))!)).toEqual([0, 0]);
  });
});

/** Random pair sets of a rows × cols cohort: each row a random set of columns, some rows empty. */
function pairSetArbitrary(rows: number, cols: number): fc.Arbitrary<PairSet> {
  return fc.array(fc.uniqueArray(fc.nat({ max: cols - 1 }), { maxLength: cols }), { minLength: rows, maxLength: rows }).map((lists) => {
    const rowStart = new Int32Array(rows + 1);
    lists.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
    return sparsePairSet(rows, cols, rowStart, Int32Array.from(lists.flatMap((l) => l.sort((a, b) => a - b))));
  });
}

describe('twinAwareWeights', () => {
  it('gives what evaluating every pair gives, bit for bit, evaluating each group of twins once', () => {
    fc.assert(
      fc.property(
        clonedCohort.chain(({ doc, policy }) => {
          const cohort = parseCohort(doc);
          const cols = cohort.coaches.filter((c) => c.active).length;
          return fc.tuple(fc.constant(cohort), fc.constant(policy), fc.array(pairSetArbitrary(cohort.coachees.length, Math.max(1, cols)), { minLength: 1, maxLength: 3 }));
        }),
        ([cohort, policy, sets]) => {
          const context = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
          if (context.cols === 0) return;
          const plain = (pairs: PairSet) => solverWeights(context.evaluate(pairs).combined);
          let evaluated = 0;
          const counted = twinAwareWeights((pairs) => ((evaluated += pairs.size), plain(pairs)), context.bounds.twinOf, context.mayWaive);
          for (const pairs of sets) {
            evaluated = 0;
            const got = counted(pairs);
            const expected = plain(pairs);
            expect(got.length).toBe(pairs.size);
            for (let p = 0; p < pairs.size; p++) expect(Object.is(got[p], expected[p]), `pair ${p}`).toBe(true);
            expect(evaluated).toBe(context.bounds.twinOf === undefined ? pairs.size : expectedEvaluations(pairs, context.bounds.twinOf, context.mayWaive));
            // The context's own weights are these.
            const fromContext = context.exactWeights(pairs);
            for (let p = 0; p < pairs.size; p++) expect(Object.is(fromContext[p], expected[p])).toBe(true);
          }
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

/** Pairs a twin-aware evaluation evaluates: a group's joined columns once, unless its first row could then be waived; every other row's own. */
function expectedEvaluations(pairs: PairSet, twinOf: Int32Array, mayWaive: (row: number, length: number) => boolean): number {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < pairs.rows; i++) if (pairs.rowStart[i + 1]! > pairs.rowStart[i]!) groups.set(twinOf[i]!, [...(groups.get(twinOf[i]!) ?? []), i]);
  let total = 0;
  for (const members of groups.values()) {
    const columns = new Set(members.flatMap((i) => Array.from(pairs.colIndex.subarray(pairs.rowStart[i]!, pairs.rowStart[i + 1]!))));
    const own = members.reduce((n, i) => n + pairs.rowStart[i + 1]! - pairs.rowStart[i]!, 0);
    total += members.length >= 2 && !mayWaive(members[0]!, columns.size) ? columns.size : own;
  }
  return total;
}

describe('selectCandidates with twins', () => {
  it('chooses for each twin what choosing it on its own gives: columns, weights, listed columns and counts', () => {
    fc.assert(
      fc.property(clonedCohort, fc.integer({ min: 1, max: 4 }), fc.nat(), ({ doc, policy }, k, cut) => {
        const cohort = parseCohort(doc);
        const context = candidateContext(cohort, resolvePolicy(cohort.policy, policy), defaultPolicies);
        if (context.cols === 0) return;
        const { bounds, exactWeights, rows } = context;
        const { twinOf: _twins, ...alone } = bounds;
        const from = cut % rows;
        for (const [a, b] of [[0, rows], [from, rows]] as const) {
          const twinned = selectCandidates(bounds, Math.min(k, context.cols), exactWeights, a, b);
          const single = selectCandidates(alone as PairBounds, Math.min(k, context.cols), exactWeights, a, b);
          expect(twinned.candidates.map((l) => Array.from(l))).toEqual(single.candidates.map((l) => Array.from(l)));
          expect(twinned.weights.map((w) => Array.from(w, String))).toEqual(single.weights.map((w) => Array.from(w, String)));
          expect(Array.from(twinned.evaluated)).toEqual(Array.from(single.evaluated));
          const listed = (t: typeof twinned.top) => Array.from(t.rest, (rest, i) => [rest, ...t.colIndex.subarray(t.start[i]!, t.end[i]!)]);
          expect(listed(twinned.top)).toEqual(listed(single.top));
        }
        // Blocks of 2 rows taken last block first, as the helper thread takes them: a twin may
        // then copy from a later row.
        const blocks: [number, number][] = [];
        for (let r = 0; r < rows; r += 2) blocks.unshift([r, Math.min(rows, r + 2)]);
        let given = 0;
        const backwards = selectRanges(bounds, Math.min(k, context.cols), exactWeights, () => blocks[given++] ?? null).selection;
        const whole = selectCandidates(alone as PairBounds, Math.min(k, context.cols), exactWeights);
        expect(backwards.candidates.map((l) => Array.from(l))).toEqual(whole.candidates.map((l) => Array.from(l)));
        expect(backwards.weights.map((w) => Array.from(w, String))).toEqual(whole.weights.map((w) => Array.from(w, String)));
      }),
      { numRuns: runs(100) },
    );
  });
});
