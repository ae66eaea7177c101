/**
 * The columns of lowest dual, checked one by one so that the dual above them covers the rest of
 * a row: sets that hold what they claim, and a certificate that reaches a full scan's verdict
 * with them while scanning fewer rows in full.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { certifyCandidates } from '../../src/candidates/certifyCandidates.js';
import { LowDualColumns, unionAscending, type LowSet } from '../../src/candidates/lowDualColumns.js';
import type { PairBounds } from '../../src/candidates/pairBounds.js';
import { selectCandidates } from '../../src/candidates/selectCandidates.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { runs } from '../helpers/runs.js';

const ascendingColumns = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }).map((a) => Int32Array.from(a).sort());

describe('unionAscending', () => {
  it('merges two ascending lists into their union, ascending, each column once', () => {
    fc.assert(
      fc.property(ascendingColumns, ascendingColumns, (a, b) => {
        const union = unionAscending(a, b, new Int32Array(a.length + b.length));
        expect(Array.from(union)).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('LowDualColumns', () => {
  const duals = fc.array(fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(-1, 0, 1)), { minLength: 1, maxLength: 120 });

  it('hands out nested sets of open columns of lowest dual, with every open column outside at or above the cut, and the smallest set that covers (of columns below 0 alone when asked)', () => {
    fc.assert(
      fc.property(duals, fc.integer({ min: 0, max: 60 }), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), fc.infiniteStream(fc.boolean()), (list, most, rowDual, rest, opens) => {
        const colDual = Float64Array.from(list);
        const cols = colDual.length;
        const open = Uint8Array.from({ length: cols }, () => (opens.next().value ? 1 : 0));
        const low = new LowDualColumns(colDual, open, most);
        const openCount = open.reduce((s, o) => s + o, 0);
        const sets: LowSet[] = [];
        // The sets, smallest first, are what cover returns as the row's need rises.
        for (const need of [-Infinity, ...Array.from(colDual).sort((a, b) => a - b), 1e300]) {
          const set = low.cover(0, need);
          if (set !== null && !sets.includes(set)) sets.push(set);
        }
        if (Math.min(most, openCount) === 0) expect(sets).toEqual([]);
        let before: number[] = [];
        for (const { columns, cut } of sets) {
          expect(columns.length).toBeLessThanOrEqual(Math.max(0, most));
          expect(Array.from(columns)).toEqual(Array.from(columns).sort((a, b) => a - b));
          for (const j of before) expect(columns).toContain(j);
          before = Array.from(columns);
          const inside = new Set(columns);
          for (const j of inside) expect(open[j]).toBe(1);
          for (let j = 0; j < cols; j++) if (open[j] === 1 && !inside.has(j)) expect(colDual[j]!).toBeGreaterThanOrEqual(cut);
          expect(cut === Infinity).toBe(columns.length === openCount);
        }
        // (+ 0: −0 and 0 tie, and either may come last.)
        for (const set of sets) expect(set.highest + 0).toBe(Math.max(...Array.from(set.columns, (j) => colDual[j]!)) + 0);
        // Ties go to the lower column: a column in a set has every open column of lower dual, and of equal dual and lower index, with it.
        for (const { columns } of sets) {
          const inside = new Set(columns);
          for (const j of columns) for (let q = 0; q < cols; q++) if (open[q] === 1 && (colDual[q]! < colDual[j]! || (colDual[q] === colDual[j] && q < j))) expect(inside.has(q)).toBe(true);
        }
        const chosen = low.cover(rowDual, rest);
        const covering = sets.filter((s) => rowDual + s.cut - rest >= 0);
        expect(chosen).toBe(covering[0] ?? null);
        // Only sets of columns below 0 (held at their minimum), for partial pricing.
        const belowZero = sets.filter((s) => s.highest < 0).find((s) => rowDual + s.cut - rest >= 0) ?? null;
        expect(low.cover(rowDual, rest, true)).toBe(belowZero);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('certifyCandidates with a few columns of far lower dual', () => {
  // Enough coaches for sets of 16 and 32 columns (a sixteenth of them at most).
  const parsed = parseCohort(syntheticCohort(24, 512, 13, { capacity: [1, 3] }));
  const { bounds, exactWeights } = candidateContext(parsed, resolvePolicy(parsed.policy, undefined), defaultPolicies);
  /** The bounds, counting the rows scanned in full. */
  const counted = (): { bounds: PairBounds; scans: () => number } => {
    let scans = 0;
    return {
      bounds: {
        ...bounds,
        boundRow: (row, out) => {
          scans++;
          bounds.boundRow(row, out);
        },
      },
      scans: () => scans,
    };
  };
  /** A k to select with, row duals, and column duals near one level with a few lowered below 0 (coaches held at their minimum load). */
  const dualsWithLowColumns = fc
    .record({
      k: fc.integer({ min: 1, max: 4 }),
      row: fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: bounds.rows, maxLength: bounds.rows }),
      level: fc.double({ min: 0, max: 2, noNaN: true }),
      lowered: fc.uniqueArray(fc.integer({ min: 0, max: bounds.cols - 1 }), { maxLength: 48 }),
      lowest: fc.double({ min: -4, max: 0, noNaN: true }),
    })
    .map(({ k, row, level, lowered, lowest }) => {
      const col = Array.from({ length: bounds.cols }, (_, j) => level + (j % 7) * 0.01);
      lowered.forEach((j, q) => (col[j] = lowest * (1 - q / 64)));
      return { k, row, col };
    });
  const sameVerdict = (listed: ReturnType<typeof certifyCandidates>, full: ReturnType<typeof certifyCandidates>) => {
    expect(listed.violations).toBe(full.violations);
    expect([...listed.violators.entries()].sort((a, b) => a[0] - b[0])).toEqual([...full.violators.entries()].sort((a, b) => a[0] - b[0]));
    expect(listed.gap).toBeCloseTo(full.gap!, 12);
    expect(listed.unverified).toBe(0);
  };

  it('checks them with each row’s list and scans no row in full when the dual above them covers every row', () => {
    const { candidates, top } = selectCandidates(bounds, 3, exactWeights);
    // Coaches held at their minimum load: three columns far below the others' dual of 1.
    const col = Array.from({ length: bounds.cols }, (_, j) => (j % 150 === 7 ? -3 : 1));
    // Each row's dual just covers the rest of its row at a column dual of 1, not at −3.
    const row = Array.from(top.rest, (rest) => Math.max(0, rest - 0.5));
    const { bounds: watched, scans } = counted();
    const listed = certifyCandidates(watched, candidates, { row, col }, exactWeights, { top });
    expect(scans()).toBe(0);
    sameVerdict(listed, certifyCandidates(bounds, candidates, { row, col }, exactWeights));
  });

  it('with partial pricing, checks columns held below 0 with each row’s list and leaves nothing unverified when the dual above them covers every row', () => {
    const { candidates, top } = selectCandidates(bounds, 3, exactWeights);
    const col = Array.from({ length: bounds.cols }, (_, j) => (j % 150 === 7 ? -3 : 1));
    const row = Array.from(top.rest, (rest) => Math.max(0, rest - 0.5));
    const partial = certifyCandidates(bounds, candidates, { row, col }, exactWeights, { top, listsOnly: true, capPerRow: bounds.cols });
    sameVerdict(partial, certifyCandidates(bounds, candidates, { row, col }, exactWeights));
    // Columns merely cheap (duals 0 where the others' are 1) are not taken so: the rest of the rows goes unverified.
    const cheap = col.map((v) => Math.max(0, v));
    expect(certifyCandidates(bounds, candidates, { row, col: cheap }, exactWeights, { top, listsOnly: true, capPerRow: bounds.cols }).unverified).toBeGreaterThan(0);
  });

  it('with partial pricing, never certifies what a full scan finds violated, and bounds its gap, whatever the duals', () => {
    fc.assert(
      fc.property(
        dualsWithLowColumns,
        fc.integer({ min: 1, max: 64 }),
        ({ k, row, col }, capPerRow) => {
          const { candidates, top } = selectCandidates(bounds, k, exactWeights);
          const partial = certifyCandidates(bounds, candidates, { row, col }, exactWeights, { top, listsOnly: true, capPerRow });
          const full = certifyCandidates(bounds, candidates, { row, col }, exactWeights);
          if (partial.violations === 0 && !(partial.unverified > 0)) expect(full.violations).toBe(0);
          expect(partial.violations).toBeLessThanOrEqual(full.violations);
          expect(partial.gap!).toBeGreaterThanOrEqual(full.gap! - 1e-9 * (1 + Math.abs(full.gap!)));
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('reaches the same verdict as a full scan, whatever the duals', () => {
    fc.assert(
      fc.property(
        dualsWithLowColumns,
        ({ k, row, col }) => {
          const { candidates, top } = selectCandidates(bounds, k, exactWeights);
          const listed = certifyCandidates(bounds, candidates, { row, col }, exactWeights, { top });
          sameVerdict(listed, certifyCandidates(bounds, candidates, { row, col }, exactWeights));
        },
      ),
      { numRuns: runs(40) },
    );
  });
});
