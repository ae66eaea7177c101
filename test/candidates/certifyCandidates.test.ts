/**
 * The certificate's shortcuts: a row cleared by the slack it had under the last duals, or by
 * its list of highest bounds from the selection, must never hide a pair that a full scan
 * finds violating. Every way must give the same verdict, whatever the duals are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateContext } from '../../src/candidates/candidateContext.js';
import { certifyCandidates } from '../../src/candidates/certifyCandidates.js';
import { mergeColumns } from '../../src/candidates/columnLists.js';
import { evaluatePairs, solverWeights } from '../../src/candidates/evaluatePairs.js';
import { pairBounds } from '../../src/candidates/pairBounds.js';
import { selectCandidates } from '../../src/candidates/selectCandidates.js';
import { prepareMatch } from '../../src/engine/match.js';
import { sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { fewKinds } from '../../fixtures/synthetic/fewKinds.js';
import { runs } from '../helpers/runs.js';

const cohort = parseCohort(syntheticCohort(80, 14, 7, { capacity: [1, 4] }));
const prepared = prepareMatch(cohort);
const relations = buildRelationIndex(cohort);
const exactWeights = (pairs: PairSet) => solverWeights(evaluatePairs(cohort, prepared.settings, defaultPolicies, relations, pairs).combined);
const bounds = pairBounds(cohort, prepared.features, prepared.settings, defaultPolicies, prepared.combined.rowMultiplier, prepared.combined.capacity);
const rows = bounds.rows;
const cols = bounds.cols;

/** A synthetic cohort's bounds and exact weights, as candidate matching builds them. */
function contextOf(doc: ReturnType<typeof syntheticCohort>) {
  const parsed = parseCohort(doc);
  return candidateContext(parsed, resolvePolicy(parsed.policy, undefined), defaultPolicies);
}

const dualsArb = (length: number) => fc.array(fc.double({ min: 0, max: 4, noNaN: true, noDefaultInfinity: true }), { minLength: length, maxLength: length });
/** How each dual moves between two certificates: most a little, some a lot, either way. */
const moveArb = (length: number) => fc.array(fc.oneof(fc.constant(0), fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })), { minLength: length, maxLength: length });

describe('certifyCandidates’ premise', () => {
  it('refuses candidates that leave out a row’s favoured coach, whose bonus no bound covers', () => {
    const rowWith = bounds.favoured.findIndex((list) => list.some((j) => bounds.open[j] === 1));
    expect(rowWith).toBeGreaterThanOrEqual(0);
    const { candidates } = selectCandidates(bounds, 2, exactWeights);
    const duals = { row: Array.from({ length: rows }, () => 0), col: Array.from({ length: cols }, () => 0) };
    expect(() => certifyCandidates(bounds, candidates, duals, exactWeights)).not.toThrow();
    const dropped = bounds.favoured[rowWith]!.find((j) => bounds.open[j] === 1)!;
    const without = candidates.map((list, i) => (i === rowWith ? list.filter((j) => j !== dropped) : list));
    expect(() => certifyCandidates(bounds, without, duals, exactWeights)).toThrow(/favoured column/);
  });
});

describe('certifyCandidates with the last certificate’s slack', () => {
  it('reaches the same verdict as a full scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), dualsArb(rows), dualsArb(cols), moveArb(rows), moveArb(cols), (k, row, col, rowMove, colMove) => {
        const { candidates } = selectCandidates(bounds, k, exactWeights);
        const first = certifyCandidates(bounds, candidates, { row, col }, exactWeights);
        const next = { row: row.map((u, i) => Math.max(0, u + rowMove[i]!)), col: col.map((v, j) => Math.max(0, v + colMove[j]!)) };
        const full = certifyCandidates(bounds, candidates, next, exactWeights);
        const short = certifyCandidates(bounds, candidates, next, exactWeights, { before: first.memory });
        expect(short.violations).toBe(full.violations);
        expect([...short.violators.entries()].sort((a, b) => a[0] - b[0])).toEqual([...full.violators.entries()].sort((a, b) => a[0] - b[0]));
        expect(short.gap).toBeCloseTo(full.gap!, 12);
        expect(short.clearedByBound + short.clearedExactly).toBe(full.clearedByBound + full.clearedExactly);
      }),
      { numRuns: runs(60) },
    );
  });

  it('with a cap on suspects per row, finds only true violations, says when it left suspects out, and bounds the full gap', () => {
    let boundedByBounds = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), dualsArb(rows), dualsArb(cols), (k, cap, row, col) => {
        const { candidates } = selectCandidates(bounds, k, exactWeights);
        const full = certifyCandidates(bounds, candidates, { row, col }, exactWeights);
        const capped = certifyCandidates(bounds, candidates, { row, col }, exactWeights, { capPerRow: cap });
        // A row the capped certificate finds violating, the full scan finds violating too.
        for (const i of capped.violators.keys()) expect(full.violators.has(i)).toBe(true);
        expect(capped.violations).toBeLessThanOrEqual(full.violations);
        if (capped.unverified === 0) expect(capped.violations).toBe(full.violations);
        // What was left out is bounded by its bounds: never below what the full scan proves.
        expect(capped.gap).not.toBeNull();
        expect(capped.gap!).toBeGreaterThanOrEqual(full.gap! - 1e-9 * (1 + Math.abs(full.gap!)));
        if (capped.unverified > 0) boundedByBounds++;
        if (full.violations > 0 && capped.violations === 0) expect(capped.unverified).toBeGreaterThan(0);
      }),
      { numRuns: runs(60) },
    );
    expect(boundedByBounds).toBeGreaterThan(0);
  });

  it('with a cap, bounds the full gap even when the suspects it weighs turn out banned and those it leaves out violate most', () => {
    // Bans only lower weights, so the bounds still hold; banning part of the pairs makes the
    // most suspect pairs (picked by bound) fail, and the row's violation lie among those left out.
    let boundedByBounds = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), dualsArb(rows), dualsArb(cols), (k, cap, every, row, col) => {
        const banned = (pairs: PairSet) => {
          const weights = exactWeights(pairs);
          for (let i = 0; i < pairs.rows; i++) for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) if ((i + pairs.colIndex[p]!) % every === 0) weights[p] = Number.NaN;
          return weights;
        };
        const { candidates } = selectCandidates(bounds, k, banned);
        const duals = { row: row.map((u) => u / 4), col: col.map((v) => v / 4) };
        const full = certifyCandidates(bounds, candidates, duals, banned);
        const capped = certifyCandidates(bounds, candidates, duals, banned, { capPerRow: cap });
        expect(capped.gap!).toBeGreaterThanOrEqual(full.gap! - 1e-9 * (1 + Math.abs(full.gap!)));
        if (capped.unverified > 0) boundedByBounds++;
      }),
      { numRuns: runs(60) },
    );
    expect(boundedByBounds).toBeGreaterThan(0);
  });

  it('skips scans when the duals did not move', () => {
    const { candidates } = selectCandidates(bounds, 3, exactWeights);
    const duals = { row: Array.from({ length: rows }, () => 3), col: Array.from({ length: cols }, () => 1) };
    const first = certifyCandidates(bounds, candidates, duals, exactWeights);
    let evaluated = 0;
    const counting = (pairs: PairSet) => {
      evaluated += pairs.size;
      return exactWeights(pairs);
    };
    const again = certifyCandidates(bounds, candidates, duals, counting, { before: first.memory });
    expect(again.violations).toBe(first.violations);
    // Rows without a violation were cleared by their slack: nothing of theirs was evaluated again.
    const rowsWithViolations = first.violators.size;
    expect(evaluated).toBeLessThanOrEqual(rowsWithViolations * cols);
  });
});

describe('certifyCandidates after a certificate without violations', () => {
  // Wide rows (several moved columns a certificate, more columns than a row remembers).
  const { bounds: wideBounds, exactWeights: wideWeights } = contextOf(syntheticCohort(30, 300, 11, { capacity: [1, 4] }));
  const { rows: wideRows, cols: wideCols } = wideBounds;
  const dense = wideWeights(sparsePairSet(wideRows, wideCols, Int32Array.from({ length: wideRows + 1 }, (_, i) => i * wideCols), Int32Array.from({ length: wideRows * wideCols }, (_, p) => p % wideCols)));
  const bestOfRow = Array.from({ length: wideRows }, (_, i) => Math.max(0, ...Array.from(dense.subarray(i * wideCols, (i + 1) * wideCols)).filter((w) => !Number.isNaN(w))));
  const fractions = (length: number, max: number) => fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: length, maxLength: length });

  it('finds every pair that columns falling further than a row’s slack, or its own dual falling, make violating', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.4, 3), fractions(wideRows, 0.5), fractions(wideCols, 1), fractions(wideRows, 0.3), fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: wideCols, maxLength: wideCols }), (scale, headroom, colUnit, rowFall, fallUnit) => {
        // Small moves test the rows' remembered nearest columns; large ones, the moved columns.
        const colStart = colUnit.map((v) => scale * v);
        const colFall = fallUnit.map((f) => scale * f);
        const { candidates } = selectCandidates(wideBounds, 2, wideWeights);
        // Row duals above every pair's weight: the first certificate finds nothing and
        // remembers each row's slack.
        const first = certifyCandidates(wideBounds, candidates, { row: bestOfRow.map((b, i) => b + headroom[i]!), col: colStart }, wideWeights);
        expect(first.violations).toBe(0);
        const next = { row: bestOfRow.map((b, i) => b + headroom[i]! - rowFall[i]!), col: colStart.map((v, j) => Math.max(0, v - colFall[j]!)) };
        const full = certifyCandidates(wideBounds, candidates, next, wideWeights);
        const short = certifyCandidates(wideBounds, candidates, next, wideWeights, { before: first.memory });
        expect(short.violations).toBe(full.violations);
        expect([...short.violators.entries()].sort((a, b) => a[0] - b[0])).toEqual([...full.violators.entries()].sort((a, b) => a[0] - b[0]));
        // And once more from the second's memory, with the duals back where they started.
        const back = { row: bestOfRow.map((b, i) => b + headroom[i]! - 2 * rowFall[i]!), col: colStart.map((v, j) => Math.max(0, v - 2 * colFall[j]!)) };
        const third = certifyCandidates(wideBounds, candidates, back, wideWeights, { before: short.memory });
        expect(third.violations).toBe(certifyCandidates(wideBounds, candidates, back, wideWeights).violations);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('certifyCandidates with the selection’s lists of highest bounds', () => {
  // More coaches than a list holds (4k for k ≤ 4), so the bound of the rest matters.
  const { bounds: wideBounds, exactWeights: wideWeights } = contextOf(syntheticCohort(50, 40, 11, { capacity: [1, 3] }));

  it('reaches the same verdict as a full scan, alone and after an earlier certificate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), dualsArb(wideBounds.rows), dualsArb(wideBounds.cols), moveArb(wideBounds.rows), moveArb(wideBounds.cols), (k, row, col, rowMove, colMove) => {
        const { candidates, top } = selectCandidates(wideBounds, k, wideWeights);
        const first = certifyCandidates(wideBounds, candidates, { row, col }, wideWeights, { top });
        expect(first.violations).toBe(certifyCandidates(wideBounds, candidates, { row, col }, wideWeights).violations);
        const next = { row: row.map((u, i) => Math.max(0, u + rowMove[i]!)), col: col.map((v, j) => Math.max(0, v + colMove[j]!)) };
        const full = certifyCandidates(wideBounds, candidates, next, wideWeights);
        const listed = certifyCandidates(wideBounds, candidates, next, wideWeights, { top, before: first.memory });
        expect(listed.violations).toBe(full.violations);
        expect([...listed.violators.entries()].sort((a, b) => a[0] - b[0])).toEqual([...full.violators.entries()].sort((a, b) => a[0] - b[0]));
        expect(listed.gap).toBeCloseTo(full.gap!, 12);
      }),
      { numRuns: runs(60) },
    );
  });

  it('with partial pricing, leaves what it skips unverified, so that it never stands in for a full certificate', () => {
    fc.assert(
      // Small duals, so that many rows' duals do not cover the rest of the row.
      fc.property(fc.integer({ min: 3, max: 4 }), dualsArb(wideBounds.rows), dualsArb(wideBounds.cols), (k, rowDuals, colDuals) => {
        const row = rowDuals.map((u) => u / 8);
        const col = colDuals.map((v) => v / 8);
        const { candidates, top } = selectCandidates(wideBounds, k, wideWeights);
        // Candidates holding every listed column: a listed column then also counts as inside,
        // and only the columns off the list remain to be checked.
        const widened = candidates.map((list, i) => mergeColumns(list, top.colIndex.subarray(top.start[i]!, top.end[i]!)));
        const partial = certifyCandidates(wideBounds, widened, { row, col }, wideWeights, { top, listsOnly: true, capPerRow: 32 });
        const full = certifyCandidates(wideBounds, widened, { row, col }, wideWeights);
        // matchOnCandidates certifies on "no violations and nothing unverified" (unverified > 0 is the test).
        if (partial.violations === 0 && !(partial.unverified > 0)) expect(full.violations).toBe(0);
        expect(partial.unverified).toBeGreaterThanOrEqual(0);
        expect(partial.violations).toBeLessThanOrEqual(full.violations);
        // The rest of each row, unscanned, is bounded by the rest bound: the gap still bounds the full one.
        expect(partial.gap!).toBeGreaterThanOrEqual(full.gap! - 1e-9 * (1 + Math.abs(full.gap!)));
      }),
      { numRuns: runs(60) },
    );
  });

  it('lists every column outside the list below the rest bound', () => {
    const { top } = selectCandidates(wideBounds, 2, wideWeights);
    const row = new Float64Array(wideBounds.cols);
    let restricted = 0;
    for (let i = 0; i < wideBounds.rows; i++) {
      wideBounds.boundRow(i, row);
      const listed = new Set(top.colIndex.subarray(top.start[i]!, top.end[i]!));
      if (top.rest[i]! > -Infinity) restricted++;
      for (let j = 0; j < wideBounds.cols; j++) {
        if (wideBounds.open[j] === 1 && !listed.has(j)) expect(row[j]!, `row ${i}, column ${j}`).toBeLessThanOrEqual(top.rest[i]!);
      }
    }
    expect(restricted).toBeGreaterThan(0);
  });
});

describe('certifyCandidates keeping a number of violators per row', () => {
  it('keeps each row’s most violating pairs, as many as asked for, whatever the duals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), dualsArb(rows), dualsArb(cols), (keptPerRow, row, col) => {
        const { candidates } = selectCandidates(bounds, 1, exactWeights);
        const outcome = certifyCandidates(bounds, candidates, { row, col }, exactWeights, { keptPerRow });
        // Every pair left out, weighed exactly: the violators a row should keep are its first
        // keptPerRow by violation (ties to the lower column).
        const rowStart = Int32Array.from({ length: rows + 1 }, (_, i) => i * cols);
        const colIndex = Int32Array.from({ length: rows * cols }, (_, p) => p % cols);
        const weights = exactWeights(sparsePairSet(rows, cols, rowStart, colIndex));
        let violations = 0;
        for (let i = 0; i < rows; i++) {
          const inside = new Set(candidates[i]);
          const violating: { col: number; by: number }[] = [];
          for (let j = 0; j < cols; j++) {
            const w = weights[i * cols + j]!;
            const covered = row[i]! + col[j]!;
            if (inside.has(j) || bounds.open[j] === 0 || Number.isNaN(w) || w <= covered + 1e-9 * (1 + Math.abs(covered))) continue;
            violating.push({ col: j, by: w - covered });
          }
          violations += violating.length;
          violating.sort((a, b) => b.by - a.by || a.col - b.col);
          const expected = violating.slice(0, keptPerRow).map((v) => v.col);
          expect(outcome.violators.get(i) ?? []).toEqual(expected);
        }
        expect(outcome.violations).toBe(violations);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('certifyCandidates with a near share', () => {
  // Every fourth coachee at priority 0: its pairs all weigh 0, and it keeps no near pairs.
  const doc = syntheticCohort(60, 12, 9, { capacity: [1, 4] });
  (doc.coachees as { priority?: number }[]).forEach((c, i) => {
    if (i % 4 === 0) c.priority = 0;
  });
  const near = contextOf(doc);
  const nearRows = near.rows;
  const nearCols = near.cols;
  const allWeights = near.exactWeights(sparsePairSet(nearRows, nearCols, Int32Array.from({ length: nearRows + 1 }, (_, i) => i * nearCols), Int32Array.from({ length: nearRows * nearCols }, (_, p) => p % nearCols)));

  it('lists each row’s violators as without it, then near pairs only, and counts just as without it', () => {
    expect(near.bounds.multiplier.some((m) => m === 0) && near.bounds.multiplier.some((m) => m > 0)).toBe(true);
    let nearKept = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0.01, 0.05, 0.3),
        fc.constantFrom(Infinity, 1, 3),
        fc.boolean(),
        fc.boolean(),
        dualsArb(nearRows),
        dualsArb(nearCols),
        (keptPerRow, nearShare, capPerRow, listsOnly, withLists, row, col) => {
          const { candidates, top } = selectCandidates(near.bounds, 1, near.exactWeights);
          // Every third row tight on its pair outside the candidates of most weight over the
          // column dual: a tie, which is no near pair, and no other pair of the row violates,
          // so the tie is not crowded out of the row's list by violators.
          for (let i = 0; i < nearRows; i += 3) {
            const inside = new Set(candidates[i]);
            let tight = -Infinity;
            for (let c = 0; c < nearCols; c++) {
              const w = allWeights[i * nearCols + c]!;
              if (!inside.has(c) && near.bounds.open[c] === 1 && !Number.isNaN(w)) tight = Math.max(tight, w - col[c]!);
            }
            if (tight > -Infinity) row[i] = tight;
          }
          // With the selection's lists, or every row scanned in full.
          const options = { keptPerRow, capPerRow, listsOnly, top: withLists ? top : null };
          const plain = certifyCandidates(near.bounds, candidates, { row, col }, near.exactWeights, options);
          const outcome = certifyCandidates(near.bounds, candidates, { row, col }, near.exactWeights, { ...options, nearShare });
          for (const key of ['violations', 'gap', 'unverified', 'clearedByBound', 'clearedExactly'] as const) expect(outcome[key], key).toBe(plain[key]);
          for (let i = 0; i < nearRows; i++) {
            const violating = plain.violators.get(i) ?? [];
            const list = outcome.violators.get(i) ?? [];
            expect(list.slice(0, violating.length)).toEqual(violating);
            expect(list.length).toBeLessThanOrEqual(keptPerRow);
            const inside = new Set(candidates[i]);
            const by = list.slice(violating.length).map((j) => {
              const w = allWeights[i * nearCols + j]!;
              const covered = row[i]! + col[j]!;
              // Outside the candidates, short of violating by more than rounding and less than the share.
              expect(inside.has(j) || near.bounds.multiplier[i] === 0 || !(covered - w > 1e-9 * (1 + Math.abs(covered)) && covered - w < nearShare * (1 + Math.abs(covered)))).toBe(false);
              return w - covered;
            });
            // The nearest to violating first.
            for (let q = 1; q < by.length; q++) expect(by[q]!).toBeLessThanOrEqual(by[q - 1]!);
            nearKept += by.length;
          }
        },
      ),
      { numRuns: runs(40) },
    );
    // Near pairs were found and kept.
    expect(nearKept).toBeGreaterThan(0);
  });
});

describe('certifyCandidates on exact twins', () => {
  // Coachees recording a gender and a sector: many exact twins, some kept apart by relations or preferences.
  const { bounds: twinBounds, exactWeights: twinWeights } = contextOf(fewKinds(syntheticCohort(70, 24, 5, { capacity: [1, 4] })));
  const twinOf = twinBounds.twinOf!;
  /** Duals where each row flagged takes its twin's (its group's first row's): twins mostly alike, some not. */
  const alike = (duals: readonly number[], same: readonly boolean[]) => duals.map((u, i) => (same[i] ? duals[twinOf[i]!]! : u));
  /** Everything a verdict says and leaves for the next certificate. */
  const everything = (o: ReturnType<typeof certifyCandidates>) => ({
    violators: [...o.violators.entries()].sort((a, b) => a[0] - b[0]),
    counts: [o.violations, o.unverified, o.clearedByBound, o.clearedExactly],
    gap: o.gap,
    gapTerms: Array.from(o.gapTerms),
    memory: [o.memory.margin, o.memory.near, o.memory.nearSlack, o.memory.nearCount].map((a) => Array.from(a)),
    known: o.known === null ? null : [o.known.rowStart, o.known.colIndex, o.known.weight].map((a) => Array.from(a)),
  });

  it('gives a twin checked by copy the verdict of its own check, round after round', () => {
    expect(new Set(twinOf).size).toBeLessThan(twinBounds.rows / 2); // else this cohort would test few copies
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        dualsArb(twinBounds.rows),
        dualsArb(twinBounds.cols),
        fc.array(fc.boolean(), { minLength: twinBounds.rows, maxLength: twinBounds.rows }),
        fc.array(fc.boolean(), { minLength: twinBounds.rows, maxLength: twinBounds.rows }),
        moveArb(twinBounds.rows),
        moveArb(twinBounds.cols),
        fc.array(fc.nat(twinBounds.cols - 1), { maxLength: 6 }),
        fc.constantFrom({}, { capPerRow: 2 }, { listsOnly: true, capPerRow: 8 }),
        (k, rowDuals, col, same, sameNext, rowMove, colMove, widenedRows, limits) => {
          const { candidates, top } = selectCandidates(twinBounds, k, twinWeights);
          // A few rows get a column more: their lists then differ from their twins'.
          for (const i of widenedRows) candidates[i] = mergeColumns(candidates[i]!, Int32Array.of((i * 7) % twinBounds.cols));
          const row = alike(rowDuals, same);
          // Twins alike in one round may not be in the other: the first certificate's memory then tells them apart.
          const next = { row: alike(row.map((u, i) => Math.max(0, u + rowMove[i]!)), sameNext), col: col.map((v, j) => Math.max(0, v + colMove[j]!)) };
          const runs = [true, false].map((copyTwins) => {
            const first = certifyCandidates(twinBounds, candidates, { row, col }, twinWeights, { top, remember: true, nearShare: 1e-3, copyTwins, ...limits });
            const second = certifyCandidates(twinBounds, candidates, next, twinWeights, { top, known: first.known, before: first.memory, nearShare: 1e-3, copyTwins, ...limits });
            return [everything(first), everything(second)];
          });
          expect(runs[0]).toEqual(runs[1]);
        },
      ),
      { numRuns: runs(80) },
    );
  });
});
