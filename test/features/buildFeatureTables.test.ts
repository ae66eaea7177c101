import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspirationFit } from '../../src/features/aspirationFit.js';
import { buildFeatureTables } from '../../src/features/buildFeatureTables.js';
import { commonGround } from '../../src/features/commonGround.js';
import { difference, differenceKnown } from '../../src/features/difference.js';
import { insiderness } from '../../src/features/insiderness.js';
import { rarity } from '../../src/features/rarity.js';
import { sharedRarity } from '../../src/features/sharedRarity.js';
import { supportFit } from '../../src/features/supportFit.js';
import { sparsePairSet } from '../../src/features/pairSet.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { cohortInputArb, reordered } from './support.js';

describe(buildFeatureTables, () => {
  it('agrees entry by entry with the per-pair and per-person functions', () => {
    fc.assert(
      fc.property(cohortInputArb, (input) => {
        const cohort = parseCohort(input);
        const t = buildFeatureTables(cohort);
        const pool = cohort.coaches.filter((c) => c.active);
        const attrs = cohort.attributes;
        expect(t.coachIds).toEqual(pool.map((c) => c.id));
        expect(t.coacheeIds).toEqual(cohort.coachees.map((c) => c.id));
        cohort.coachees.forEach((e, i) => {
          expect(t.insiderness[i]).toBeCloseTo(insiderness(e, pool, attrs), 12);
          pool.forEach((c, j) => {
            const cg = commonGround(e, c, attrs);
            expect(t.aspiration.get(i, j)).toBeCloseTo(aspirationFit(e, c, attrs), 12);
            expect(t.support.get(i, j)).toBeCloseTo(supportFit(e.needs, c.support), 12);
            expect(t.commonGround.get(i, j)).toBeCloseTo(cg.score, 12);
            expect(t.difference.get(i, j)).toBeCloseTo(difference(e, c, attrs), 12);
            expect(t.differenceKnown.get(i, j)).toBe(differenceKnown(e, c, attrs) ? 1 : 0);
            expect(t.sharedRarity.get(i, j)).toBeCloseTo(sharedRarity(e, c, pool, attrs), 12);
            expect(t.sharedGround(i, j)).toEqual(cg.shared);
          });
        });
        pool.forEach((c, j) => expect(t.coachRarity[j]).toBeCloseTo(rarity(c, pool, attrs).score, 12));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves inactive coaches out of the columns', () => {
    const cohort = parseCohort({
      attributes: [],
      coaches: [
        { id: 'a', name: 'A', capacity: 1, support: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } },
        { id: 'b', name: 'B', capacity: 1, active: false, support: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } },
      ],
      coachees: [{ id: 'x', name: 'X', needs: { socioEmotional: 3, network: 3, autonomy: 3, career: 3 } }],
    });
    const t = buildFeatureTables(cohort);
    expect(t.coachIds).toEqual(['a']);
    expect(t.pairs.cols).toBe(1);
    expect(t.pairs.size).toBe(1);
  });

  it('gives the same tables whatever the order of the records', () => {
    fc.assert(
      fc.property(cohortInputArb, fc.integer({ min: 1, max: 1 << 30 }), (input, seed) => {
        const a = buildFeatureTables(parseCohort(input));
        const b = buildFeatureTables(parseCohort(reordered(input, seed)));
        expect(b.coacheeIds).toEqual(a.coacheeIds);
        expect(b.coachIds).toEqual(a.coachIds);
        for (const key of ['aspiration', 'support', 'commonGround', 'difference', 'differenceKnown', 'sharedRarity'] as const) {
          expect([...b.byPair[key]]).toEqual([...a.byPair[key]]);
        }
        expect([...b.insiderness]).toEqual([...a.insiderness]);
        expect([...b.coachRarity]).toEqual([...a.coachRarity]);
      }),
      { numRuns: 100 },
    );
  });

  it('tells on candidate pairs, as on every pair, where the difference is known', () => {
    // Every other pair of each row: the candidate path reads `differenceKnown` by pair index.
    fc.assert(
      fc.property(cohortInputArb, (input) => {
        const cohort = parseCohort(input);
        const full = buildFeatureTables(cohort);
        const { rows, cols } = full.pairs;
        const picked = (i: number) => Array.from({ length: cols }, (_, j) => j).filter((j) => (i + j) % 2 === 0);
        const rowStart = new Int32Array(rows + 1);
        for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + picked(i).length;
        const colIndex = Int32Array.from(Array.from({ length: rows }, (_, i) => picked(i)).flat());
        const sparse = buildFeatureTables(cohort, sparsePairSet(rows, cols, rowStart, colIndex));
        for (let i = 0; i < rows; i++) {
          picked(i).forEach((j, q) => {
            expect(sparse.byPair.differenceKnown[rowStart[i]! + q]).toBe(full.differenceKnown.get(i, j));
            expect(sparse.differenceKnown.get(i, j)).toBe(full.differenceKnown.get(i, j));
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every table in [0, 1]', () => {
    fc.assert(
      fc.property(cohortInputArb, (input) => {
        const t = buildFeatureTables(parseCohort(input));
        for (const values of Object.values(t.byPair)) {
          for (const x of values) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        }
        for (const x of [...t.insiderness, ...t.coachRarity]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  // Its speed is measured in bench/ (no timing assertions in unit tests).
  it('builds the tables of 2,000 coachees × 400 coaches, agreeing with the per-pair functions', () => {
    const cohort = parseCohort(syntheticCohort(2000, 400, 11));
    const t = buildFeatureTables(cohort);
    expect(t.pairs.rows).toBe(2000);
    expect(t.pairs.cols).toBe(400);
    expect(t.pairs.full).toBe(true);
    for (const [row, col] of [[0, 0], [1999, 399], [1234, 17], [77, 321]] as const) {
      const coachee = t.coachees[row]!;
      const coach = t.coaches[col]!;
      expect(t.aspiration.get(row, col)).toBeCloseTo(aspirationFit(coachee, coach, cohort.attributes), 12);
      expect(t.difference.get(row, col)).toBeCloseTo(difference(coachee, coach, cohort.attributes), 12);
      expect(t.commonGround.get(row, col)).toBeCloseTo(commonGround(coachee, coach, cohort.attributes).score, 12);
    }
  });
});
