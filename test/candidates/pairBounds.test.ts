/**
 * The candidate bounds against the dense problem: `multiplier · bound` is never below the
 * solver weight of a pair that is neither favoured nor banned (pruning with a bound that fails
 * this would lose the optimum silently), the row-wide bound never below the pair's, and a
 * pair's own bound is its fit and identity terms themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairBounds } from '../../src/candidates/pairBounds.js';
import { prepareMatch } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PolicyInput } from '../../src/model/policySettings.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { cohortInputArb } from '../features/support.js';
import { cohortArbitrary, policyOverridesArbitrary, thinIdentity, withMissingIdentity } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

/** Presets and ban/penalty switches, plus weights, penalties and priorities off their defaults. */
const policyArb: fc.Arbitrary<PolicyInput> = fc
  .tuple(
    policyOverridesArbitrary,
    fc.record(
      {
        weights: fc.record(
          {
            aspiration: fc.constantFrom(0, 0.5, 1, 2),
            support: fc.constantFrom(0, 1, 1.5),
            commonGround: fc.constantFrom(0, 0.6, 2),
            difference: fc.constantFrom(0, 0.4, 2),
            scarcity: fc.constantFrom(0, 0.3, 1),
            continuity: fc.constantFrom(0, 0.2, 1),
            priority: fc.constantFrom(0, 0.5, 1, 2),
          },
          { requiredKeys: [] },
        ),
        previouslyCoached: fc.constantFrom('allow' as const, 'penalise' as const, 'ban' as const),
        minDifferenceForInsiders: fc.constantFrom(0, 0.35, 0.8),
        minDifferencePenalty: fc.constantFrom(0, 3, 10),
        preferenceBonus: fc.constantFrom([0.3, 0.2, 0.1], [2], []),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([base, more]) => ({ ...base, ...more }));

/** Random cohorts of both test shapes: with relations, wishes and priorities, or with text and background attributes. */
const docArb: fc.Arbitrary<CohortInput> = fc.oneof(cohortArbitrary({ maxCoaches: 8, maxCoachees: 10 }), cohortInputArb);

/** {@link docArb}'s cohorts with identity data missing: pairs of unknown difference, which get no shortfall. */
const sparseDocArb: fc.Arbitrary<CohortInput> = withMissingIdentity(docArb);

/** Policies where the shortfall bites: a minimum difference, a penalty, many insiders, hard or soft. */
const minimumArb: fc.Arbitrary<PolicyInput> = fc.record({
  preset: fc.constantFrom('default' as const, 'diversity-first' as const),
  minDifferenceForInsiders: fc.constantFrom(0.35, 0.8, 1),
  minDifferencePenalty: fc.constantFrom(3, 10),
  hardMinDifference: fc.boolean(),
  insiderThreshold: fc.constantFrom(0.2, 0.5, 0.75),
  weights: fc.record({ difference: fc.constantFrom(0, 0.4, 2), commonGround: fc.constantFrom(0, 0.6), scarcity: fc.constantFrom(0, 0.3) }),
});

/** Every disagreement between the bounds and the dense problem of a cohort under a policy, in words. */
function boundDefects(doc: CohortInput, policy: PolicyInput | undefined): string[] {
  const cohort = parseCohort(doc);
  const prepared = prepareMatch(cohort, { policy });
  const { combined } = prepared;
  const { rows, cols, rowMultiplier, utility, bans } = combined;
  const bounds = pairBounds(cohort, prepared.features, prepared.settings, defaultPolicies, rowMultiplier);
  const defects: string[] = [];
  if (bounds.rows !== rows || bounds.cols !== cols) defects.push(`bounds are ${bounds.rows} × ${bounds.cols}, the problem ${rows} × ${cols}`);
  const row = new Float64Array(cols);
  const batch = new Float64Array(cols);
  const every = Int32Array.from({ length: cols }, (_, j) => j);
  const someClosed = pairBounds(cohort, prepared.features, prepared.settings, defaultPolicies, rowMultiplier, Int32Array.from({ length: cols }, (_, j) => (j % 3 === 1 ? 0 : 1)));
  for (let i = 0; i < rows; i++) {
    bounds.boundRow(i, row);
    const picked = every.filter((j) => j % 2 === i % 2);
    const someRow = new Float64Array(picked.length);
    bounds.rowBoundsOf(i, picked, picked.length, someRow);
    picked.forEach((j, q) => {
      if (someRow[q] !== row[j]) defects.push(`rowBoundsOf(${i})[${j}] = ${someRow[q]}, boundRow gives ${row[j]}`);
    });
    // One pass's bounds and gathered columns: boundRow's, −∞ on columns without places.
    const threshold = row[i % cols]!;
    const found = new Int32Array(cols);
    const fused = new Float64Array(cols);
    const gathered = Array.from(found.subarray(0, someClosed.boundRowAbove(i, fused, threshold, found)));
    const expected = every.filter((j) => j % 3 !== 1 && row[j]! >= threshold);
    if (JSON.stringify(gathered) !== JSON.stringify(Array.from(expected))) defects.push(`boundRowAbove(${i}, ${threshold}) gathers ${JSON.stringify(gathered)}, not ${JSON.stringify(Array.from(expected))}`);
    for (let j = 0; j < cols; j++) if (fused[j] !== (j % 3 === 1 ? -Infinity : row[j])) defects.push(`boundRowAbove(${i})[${j}] = ${fused[j]}, boundRow gives ${row[j]}`);
    bounds.boundsOf(i, every, cols, batch);
    for (let j = 0; j < cols; j++) if (batch[j] !== bounds.boundAt(i, j)) defects.push(`boundsOf(${i})[${j}] = ${batch[j]}, boundAt gives ${bounds.boundAt(i, j)}`);
    const favoured = new Set(bounds.favoured[i]);
    for (let j = 0; j < cols; j++) {
      const at = i * cols + j;
      const tight = bounds.boundAt(i, j);
      // The pair's bound carries a rounding allowance the row's need not: compare up to it.
      if (!(tight <= row[j]! + 1e-8 * (1 + Math.abs(row[j]!)))) defects.push(`boundAt(${i}, ${j}) = ${tight}, above boundRow's ${row[j]}`);
      if (favoured.has(j) || bans.has(at)) continue;
      const weight = rowMultiplier[i]! * utility[at]!;
      const bound = bounds.multiplier[i]! * tight;
      if (!(weight <= bound + 1e-9)) defects.push(`pair (${i}, ${j}): weight ${weight} above its bound ${bound}`);
    }
  }
  return defects;
}

/** Terms a pair's bound covers: fit and identity (the rest only subtract, or are favoured bonuses). */
const BOUNDED_TERMS = ['aspiration', 'support', 'commonGround', 'difference', 'insiderTooSimilar', 'scarcity'];

/** Pairs whose own bound is not their fit and identity terms (up to rounding). */
function exactnessDefects(doc: CohortInput, policy: PolicyInput | undefined): string[] {
  const cohort = parseCohort(doc);
  const prepared = prepareMatch(cohort, { policy });
  const { combined } = prepared;
  const bounds = pairBounds(cohort, prepared.features, prepared.settings, defaultPolicies, combined.rowMultiplier);
  const terms = combined.terms.filter((t) => BOUNDED_TERMS.includes(t.key));
  const defects: string[] = [];
  for (let i = 0; i < combined.rows; i++) {
    for (let j = 0; j < combined.cols; j++) {
      const at = i * combined.cols + j;
      const exact = terms.reduce((sum, t) => sum + t.values[at]!, 0);
      if (!(Math.abs(bounds.boundAt(i, j) - exact) <= 1e-8 * (1 + Math.abs(exact)))) defects.push(`pair (${i}, ${j}): bound ${bounds.boundAt(i, j)}, fit and identity terms ${exact}`);
    }
  }
  return defects;
}

describe('pairBounds', () => {
  it('bounds every non-favoured, allowed pair from above, for random cohorts and policies', () => {
    fc.assert(
      fc.property(docArb, fc.option(policyArb, { nil: undefined }), (doc, policy) => {
        expect(boundDefects(doc, policy)).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });

  it('holds on synthetic cohorts under every preset, with a hard minimum difference, clan penalties and banned dual roles', () => {
    const policies: PolicyInput[] = [
      { preset: 'default' },
      { preset: 'similarity-first', clanBan: false, previouslyCoached: 'penalise' },
      { preset: 'diversity-first', dualRole: 'ban', weights: { priority: 2 } },
      { preset: 'default', hardMinDifference: true, minDifferenceForInsiders: 0.6, insiderThreshold: 0.5 },
    ];
    for (const seed of [1, 2, 3]) {
      for (const policy of policies) expect(boundDefects(syntheticCohort(40, 12, seed) as unknown as CohortInput, policy), JSON.stringify({ seed, policy })).toEqual([]);
    }
  });

  it('bounds every pair from above when identity data is missing (pairs of unknown difference get no shortfall, so weigh more)', () => {
    fc.assert(
      fc.property(sparseDocArb, fc.oneof(minimumArb, policyArb), (doc, policy) => {
        expect(boundDefects(doc, policy)).toEqual([]);
        expect(exactnessDefects(doc, policy)).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
  });

  it('holds on synthetic cohorts with identity data missing, whose coaches fall into many pattern classes', () => {
    const policies: PolicyInput[] = [
      { preset: 'default', insiderThreshold: 0.4 },
      { preset: 'diversity-first', minDifferenceForInsiders: 0.8, minDifferencePenalty: 10, insiderThreshold: 0.3 },
      { preset: 'default', hardMinDifference: true, minDifferenceForInsiders: 0.6, insiderThreshold: 0.5 },
    ];
    for (const seed of [1, 2, 3]) {
      const doc = thinIdentity(syntheticCohort(40, 24, seed) as unknown as CohortInput, seed);
      for (const policy of policies) {
        expect(boundDefects(doc, policy), JSON.stringify({ seed, policy })).toEqual([]);
        expect(exactnessDefects(doc, policy), JSON.stringify({ seed, policy })).toEqual([]);
      }
    }
  });

  it('bounds a single pair by its fit and identity terms themselves', () => {
    // A pair's own bound is what pruning leans on; one built from a best case (of a row, a
    // class or a pattern) is above the terms for most pairs and fails this.
    fc.assert(
      fc.property(docArb, fc.option(policyArb, { nil: undefined }), (doc, policy) => {
        expect(exactnessDefects(doc, policy)).toEqual([]);
      }),
      { numRuns: runs(80) },
    );
    for (const seed of [1, 2]) {
      const doc = syntheticCohort(30, 12, seed) as unknown as CohortInput;
      expect(exactnessDefects(doc, { preset: 'diversity-first', minDifferenceForInsiders: 0.6, insiderThreshold: 0.5 }), `seed ${seed}`).toEqual([]);
    }
  });

  it('gathers from the fit cells exactly the columns with places a full row pass finds at or above a threshold, or at or above their floors', () => {
    // Thresholds at row bounds themselves (ties at the threshold), between them and beyond
    // every one; some coaches without places; other entries of the output left alone. The
    // same with a floor per column.
    for (const [coachees, coaches, seed] of [
      [8, 400, 3],
      [6, 120, 9],
    ] as const) {
      const cohort = parseCohort(syntheticCohort(coachees, coaches, seed, { capacity: [0, 3] }));
      const prepared = prepareMatch(cohort);
      const { rows, cols, capacity, rowMultiplier } = prepared.combined;
      const bounds = pairBounds(cohort, prepared.features, prepared.settings, defaultPolicies, rowMultiplier, Int32Array.from(capacity));
      const full = new Float64Array(cols);
      const every = new Int32Array(cols);
      const found = new Int32Array(cols);
      const out = new Float64Array(cols);
      for (let i = 0; i < rows; i++) {
        bounds.boundRowAbove(i, full, -Infinity, every);
        const ranked = Array.from(full).filter((v) => v > -Infinity).sort((a, b) => b - a);
        const thresholds = [ranked[0]!, ranked[5]!, ranked[40]!, (ranked[10]! + ranked[11]!) / 2, ranked.at(-1)!, ranked[0]! + 1];
        for (const threshold of thresholds) {
          out.fill(Number.NaN);
          const n = bounds.gatherAbove(i, out, threshold, found);
          const expected = Array.from(full.keys()).filter((j) => capacity[j]! > 0 && full[j]! >= threshold);
          expect(Array.from(found.subarray(0, n)), `row ${i}, threshold ${threshold}`).toEqual(expected);
          for (let j = 0; j < cols; j++) {
            if (expected.includes(j)) expect(out[j], `row ${i}, column ${j}`).toBe(full[j]);
            else expect(out[j], `row ${i}, column ${j} left alone`).toBeNaN();
          }
          // A floor per column, at or above the threshold: some at the column's own bound (which
          // reaches it), some just below, some far above.
          const floors = Float64Array.from(full, (v, j) => Math.max(threshold, [v, v - 1e-6, v + 1, threshold][j % 4]!));
          out.fill(Number.NaN);
          const m = bounds.gatherAboveFloors(i, out, floors, threshold, found);
          const above = Array.from(full.keys()).filter((j) => capacity[j]! > 0 && full[j]! >= floors[j]!);
          expect(Array.from(found.subarray(0, m)), `row ${i}, floors from ${threshold}`).toEqual(above);
          for (const j of above) expect(out[j]).toBe(full[j]);
        }
      }
    }
  });

  it('refuses a custom policy, whose terms it cannot bound', () => {
    const cohort = parseCohort(syntheticCohort(4, 3, 1));
    const prepared = prepareMatch(cohort);
    const bonus: Policy = { name: 'bonus', apply: ({ features }) => ({ terms: [{ key: 'bonus', label: 'bonus', values: new Float64Array(features.pairs.size).fill(1) }] }) };
    let thrown: unknown;
    try {
      pairBounds(cohort, prepared.features, prepared.settings, [...defaultPolicies, bonus], prepared.combined.rowMultiplier);
    } catch (error) {
      thrown = error;
    }
    expect(isErrorOfKind(thrown, 'invalidArgument'), String(thrown)).toBe(true);
    expect(String(thrown)).toContain('"bonus"');
  });
});
