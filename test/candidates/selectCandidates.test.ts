/**
 * selectCandidates against the dense problem: per coachee, the k best allowed coaches by
 * solver weight (compared as weight multisets, so ties may go either way) plus the favoured
 * ones, ascending and without duplicates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { evaluatePairs, solverWeights } from '../../src/candidates/evaluatePairs.js';
import { pairBounds, type PairBounds } from '../../src/candidates/pairBounds.js';
import { selectCandidates } from '../../src/candidates/selectCandidates.js';
import { prepareMatch } from '../../src/engine/match.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { cohortInputArb } from '../features/support.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/** The candidates of a cohort for k, with the dense problem they are judged against. */
function selectAndReference(doc: CohortInput, policy: PolicyInput | undefined, k: number, wrap: (bounds: PairBounds) => PairBounds = (bounds) => bounds) {
  const cohort = parseCohort(doc);
  const prepared = prepareMatch(cohort, { policy });
  const { rows, cols } = prepared.combined;
  // Bounds and exact weights as matchOnCandidates builds them.
  const relations = buildRelationIndex(cohort);
  const evaluate = (pairs: PairSet) => evaluatePairs(cohort, prepared.settings, defaultPolicies, relations, pairs);
  const base = evaluate(sparsePairSet(rows, cols, new Int32Array(rows + 1), new Int32Array(0)));
  const bounds = pairBounds(cohort, base.features, prepared.settings, defaultPolicies, base.combined.rowMultiplier);
  const chosen = selectCandidates(wrap(bounds), Math.min(k, cols), (pairs) => solverWeights(evaluate(pairs).combined)).candidates;
  return { rows, cols, chosen, favoured: bounds.favoured, dense: solverWeights(prepared.combined), waivedRows: new Set(prepared.combined.waived.map((b) => b.row)) };
}

/**
 * What is wrong with the candidates of a cohort for k, in words. `exact` also demands that no
 * non-favoured column beyond the k best is chosen; without it, only that the k best and the
 * favoured are all there (what the optimum needs). Rows whose bans the dense problem waived
 * are skipped: no subset of pairs shows that every coach is banned, and matchOnCandidates
 * handles such rows itself (it adds all their coaches).
 */
function candidateDefects(doc: CohortInput, policy: PolicyInput | undefined, k: number, exact: boolean, wrap?: (bounds: PairBounds) => PairBounds): string[] {
  const { rows, cols, chosen, favoured: favouredOf, dense, waivedRows } = selectAndReference(doc, policy, k, wrap);
  const defects: string[] = [];
  if (chosen.length !== rows) defects.push(`${chosen.length} candidate lists for ${rows} rows`);
  for (let i = 0; i < rows; i++) {
    const list = Array.from(chosen[i] ?? []);
    const favoured = favouredOf[i]!;
    const where = `row ${i} (k ${k}): ${JSON.stringify(list)}`;
    if (list.some((j, at) => j < 0 || j >= cols || (at > 0 && list[at - 1]! >= j))) defects.push(`${where} is not strictly ascending within 0..${cols - 1}`);
    if (favoured.some((j) => !list.includes(j))) defects.push(`${where} misses a favoured column of ${JSON.stringify(favoured)}`);
    if (waivedRows.has(i)) continue;
    const weightOf = (j: number) => dense[i * cols + j]!;
    const allowed = Array.from({ length: cols }, (_, j) => weightOf(j)).filter((w) => !Number.isNaN(w)).sort((a, b) => b - a);
    const best = allowed.slice(0, k);
    const extra = list.filter((j) => !favoured.includes(j));
    for (const j of extra) if (Number.isNaN(weightOf(j))) defects.push(`${where} holds banned column ${j}`);
    const mine = list.map(weightOf).filter((w) => !Number.isNaN(w)).sort((a, b) => b - a).slice(0, best.length);
    if (mine.length !== best.length || mine.some((w, at) => !close(w, best[at]!))) defects.push(`${where} has best weights ${JSON.stringify(mine)}, the dense top ${k} is ${JSON.stringify(best)}`);
    if (!exact) continue;
    const bar = best.length === k ? best[k - 1]! : -Infinity;
    if (extra.length > best.length) defects.push(`${where} has ${extra.length} non-favoured columns, more than the ${best.length} best`);
    for (const j of extra) {
      if (weightOf(j) < bar && !close(weightOf(j), bar)) defects.push(`${where} holds non-favoured column ${j} of weight ${weightOf(j)}, below the k-th best ${bar}`);
    }
  }
  return defects;
}

const randomCase = fc.record({
  doc: fc.oneof(cohortArbitrary({ maxCoaches: 10, maxCoachees: 10 }), cohortInputArb),
  policy: fc.option(policyOverridesArbitrary, { nil: undefined }),
  k: fc.integer({ min: 1, max: 5 }),
});
const syntheticPolicies: (PolicyInput | undefined)[] = [undefined, { preset: 'diversity-first' }, { preset: 'similarity-first', clanBan: false, dualRole: 'ban' }];

describe('selectCandidates', () => {
  it('keeps each row’s k best allowed coaches by exact weight and its favoured ones, for random cohorts', () => {
    fc.assert(
      fc.property(randomCase, ({ doc, policy, k }) => {
        expect(candidateDefects(doc, policy, k, false)).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });

  it('keeps nothing but them: no non-favoured coach below the k-th best, for random cohorts', () => {
    fc.assert(
      fc.property(randomCase, ({ doc, policy, k }) => {
        expect(candidateDefects(doc, policy, k, true)).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });

  it('counts a favoured coach among the k best when its exact weight puts it there, though its fit does not', () => {
    // c's fit is below a's and b's, but the preference bonus makes it the best coach, so k = 1 is c alone.
    const support = { socioEmotional: 1, network: 1, autonomy: 1, career: 1 };
    const doc: CohortInput = {
      attributes: [{ key: 'sector', kind: 'categorical', role: 'profession' }],
      coaches: [
        { id: 'a', name: 'a', capacity: 1, attributes: { sector: 'education' }, support },
        { id: 'b', name: 'b', capacity: 1, attributes: { sector: 'education' }, support },
        { id: 'c', name: 'c', capacity: 1, attributes: {}, support },
      ],
      coachees: [{ id: 'x', name: 'x', attributes: {}, aspiration: { sector: 'education' }, needs: support, preferences: ['c'] }],
    };
    expect(candidateDefects(doc, { preferenceBonus: [2] }, 1, true)).toEqual([]);
  });

  it('does both on synthetic cohorts, where most columns are cleared by their bound', () => {
    for (const seed of [1, 2]) {
      for (const policy of syntheticPolicies) {
        for (const k of [1, 3, 5]) expect(candidateDefects(syntheticCohort(50, 30, seed) as unknown as CohortInput, policy, k, true), JSON.stringify({ seed, policy, k })).toEqual([]);
      }
    }
  });

  it('does both when rows are long enough to be scanned from a sample and listed pairs are bounded lazily', () => {
    // 400 coaches: the scan sets its threshold from every 16th column, and with k ≤ 4 only
    // some of the 6k listed columns get a pair bound.
    for (const policy of syntheticPolicies) {
      for (const k of [1, 4]) expect(candidateDefects(syntheticCohort(12, 400, 3) as unknown as CohortInput, policy, k, true), JSON.stringify({ policy, k })).toEqual([]);
    }
  });

  it('does both when the row bounds tie across many coaches, alike but for their hobbies', () => {
    // Row bounds then take a few values, so a row's gathered columns end at a tie and its
    // pair bounds fall below the gathering threshold: the scan must read the whole row. The
    // gathering leaves other columns' entries as they were: here they are made −∞ first, so a
    // scan that read them instead of the row's bounds would miss columns.
    const poisoned = (bounds: PairBounds): PairBounds => ({
      ...bounds,
      gatherAbove: (row, out, threshold, found) => {
        out.fill(-Infinity);
        return bounds.gatherAbove(row, out, threshold, found);
      },
    });
    for (const seed of [7, 8]) {
      for (const groups of [1, 3]) {
        const doc = syntheticCohort(10, 300, seed) as unknown as { coaches: { attributes: Record<string, unknown>; support: unknown }[] };
        doc.coaches.forEach((coach, j) => {
          Object.assign(coach.attributes, { gender: 'female', nationality: 'Dutch', background: 'migration', age: 40, hometown: ['Venlo', 'Aachen', 'Liège'][j % groups], sector: 'HR', role: 'teacher' });
          coach.support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
        });
        for (const k of [1, 2, 4]) expect(candidateDefects(doc as unknown as CohortInput, undefined, k, true, poisoned), JSON.stringify({ seed, groups, k })).toEqual([]);
      }
    }
  });

  it('does both with coachees at priority 0, whose allowed pairs all weigh 0, bans or none', () => {
    for (const seed of [1, 2]) {
      const doc = syntheticCohort(40, 30, seed) as unknown as { coachees: { priority?: number }[] };
      doc.coachees.forEach((c, i) => (c.priority = i % 2 === 0 ? 0 : 1));
      for (const k of [1, 4, 12]) expect(candidateDefects(doc as unknown as CohortInput, undefined, k, true), JSON.stringify({ seed, k })).toEqual([]);
    }
  });

  it('spreads the coachees at priority 0 over every coach: the n-th takes its k from the n · k-th coach with places on', () => {
    // Their allowed pairs all tie at 0; ties to the lower column would give each the same few.
    // Without relations no pair is banned but one: the second such coachee avoids the first
    // coach of its stretch, and takes the one after its stretch instead.
    for (const [coachees, coaches, k] of [
      [60, 25, 3],
      [30, 200, 4],
    ] as const) {
      const doc = syntheticCohort(coachees, coaches, 4) as unknown as { relations: unknown[]; coaches: { capacity: number }[]; coachees: { priority?: number; avoid: unknown[]; preferences: unknown[] }[] };
      doc.relations = [];
      doc.coaches.forEach((c, j) => (c.capacity = j % 5 === 0 ? 0 : c.capacity));
      doc.coachees.forEach((c, i) => Object.assign(c, { priority: i % 3 === 0 ? 0 : 1, avoid: [], preferences: [] }));
      const unbanned = parseCohort(doc as unknown as CohortInput);
      const avoided = unbanned.coaches.filter((c) => c.active && c.capacity > 0)[k]!.id;
      const secondIndifferent = unbanned.coachees.filter((c) => c.priority === 0)[1]!.id;
      (doc.coachees as unknown as { id: string; avoid: string[] }[]).find((c) => c.id === secondIndifferent)!.avoid = [avoided];
      const cohort = parseCohort(doc as unknown as CohortInput);
      // Bounds with capacities, as matchOnCandidates builds them: coaches without places are never candidates.
      const { rows, cols, base, bounds, exactWeights } = candidateContext(cohort, prepareMatch(cohort, {}).settings, defaultPolicies);
      const chosen = selectCandidates(bounds, k, exactWeights).candidates;
      const open = Array.from(base.combined.capacity.keys()).filter((j) => base.combined.capacity[j]! > 0);
      expect(open.length).toBeLessThan(cols);
      let n = 0;
      const listed = new Set<number>();
      for (let i = 0; i < rows; i++) {
        if (cohort.coachees[i]!.priority !== 0) continue;
        const from = n === 1 ? k + 1 : n * k;
        const stretch = Array.from({ length: k }, (_, q) => open[(from + q) % open.length]!).sort((a, b) => a - b);
        expect(Array.from(chosen[i]!), `row ${i}, the ${n}-th at priority 0`).toEqual(stretch);
        for (const j of stretch) listed.add(j);
        n++;
      }
      // Enough of them to go round: together they list every coach with places.
      if (n * k > open.length) expect(listed.size).toBe(open.length);
    }
  });

  it('lists each row’s 6k columns of highest row bound, ties to the lower column, and bounds the rest by the next', () => {
    // Row bounds take few distinct values here, so ties decide which columns are listed.
    for (const [coachees, coaches, k] of [
      [12, 400, 2],
      [30, 40, 3],
    ] as const) {
      const cohort = parseCohort(syntheticCohort(coachees, coaches, 5) as unknown as CohortInput);
      const prepared = prepareMatch(cohort, {});
      const { rows, cols } = prepared.combined;
      const relations = buildRelationIndex(cohort);
      const evaluate = (pairs: PairSet) => evaluatePairs(cohort, prepared.settings, defaultPolicies, relations, pairs);
      const base = evaluate(sparsePairSet(rows, cols, new Int32Array(rows + 1), new Int32Array(0)));
      const bounds = pairBounds(cohort, base.features, prepared.settings, defaultPolicies, base.combined.rowMultiplier);
      const { top } = selectCandidates(bounds, k, (pairs) => solverWeights(evaluate(pairs).combined));
      const row = new Float64Array(cols);
      for (let i = 0; i < rows; i++) {
        bounds.boundRow(i, row);
        const ranked = Array.from(row, (v, j) => ({ v, j })).sort((a, b) => b.v - a.v || a.j - b.j);
        const listed = Math.min(cols, 6 * k);
        const expected = ranked.slice(0, listed).map((e) => e.j).sort((a, b) => a - b);
        expect(Array.from(top.colIndex.subarray(top.start[i]!, top.end[i]!)), `row ${i}`).toEqual(expected);
        expect(top.rest[i]).toBe(ranked[listed]?.v ?? -Infinity);
      }
    }
  });
});
