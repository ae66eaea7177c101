/**
 * checkPlacement and checkMinLoads against Hopcroft–Karp on every allowed pair. Widening until
 * the placement check says 'proven' must reach a largest placement of the full problem, the
 * proven region must keep its rows' allowed pairs to its own full columns, and only the pairs
 * that could lead out of it are evaluated (or a whole row, where a waiver could apply).
 * Widening until the minimum-load check says 'met' or 'proven' must say what the full problem
 * says, and a proven shortfall must be what the coachees allowed to the coaches named leave.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMinLoads } from '../../src/candidates/minLoadCheck.js';
import { checkPlacement } from '../../src/candidates/placementCheck.js';
import type { PairSet } from '../../src/features/pairSet.js';
import { maxBMatching } from '../../src/solver/maxBMatching.js';
import { runs } from '../helpers/runs.js';

interface Case {
  readonly rows: number;
  readonly cols: number;
  readonly capacity: number[];
  /** Per pair (row-major): allowed in the full problem, and a candidate to start with. */
  readonly allowed: boolean[];
  readonly candidate: boolean[];
  /** Rows whose evaluation could be waived. */
  readonly waivable: boolean[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      allowed: fc.array(fc.boolean(), { minLength: rows * cols, maxLength: rows * cols }),
      candidate: fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n === 0), { minLength: rows * cols, maxLength: rows * cols }),
      waivable: fc.array(fc.integer({ min: 0, max: 4 }).map((n) => n === 0), { minLength: rows, maxLength: rows }),
    }),
  );

/** The pairs of `keep` (row-major flags) as compressed rows. */
function graphOf(rows: number, cols: number, keep: (i: number, j: number) => boolean) {
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (keep(i, j)) colIndex.push(j);
    rowStart[i + 1] = colIndex.length;
  }
  return { rows, cols, rowStart, colIndex: Int32Array.from(colIndex) };
}

/** Solver weights by the case's bans (1 allowed, NaN banned), and every pair asked, by row. */
function weigher(c: Case) {
  const asked: number[][] = Array.from({ length: c.rows }, () => []);
  const exactWeights = (pairs: PairSet): Float64Array => {
    const out = new Float64Array(pairs.size);
    for (let i = 0; i < pairs.rows; i++) {
      for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
        const j = pairs.colIndex[p]!;
        asked[i]!.push(j);
        out[p] = c.allowed[i * c.cols + j] ? 1 : Number.NaN;
      }
    }
    return out;
  };
  return { asked, exactWeights };
}

/**
 * The pairs a check evaluated, as `weigher` saw them: as many as it says, a row that could be
 * waived whole, any other only on columns `leadsOut` accepts.
 */
function expectAsked(c: Case, asked: number[][], evaluated: number, leadsOut: (i: number, j: number) => boolean): void {
  expect(evaluated).toBe(asked.reduce((n, list) => n + list.length, 0));
  for (let i = 0; i < c.rows; i++) {
    if (asked[i]!.length === 0) continue;
    if (c.waivable[i]) expect(asked[i]).toEqual(Array.from({ length: c.cols }, (_, j) => j));
    else for (const j of asked[i]!) expect(leadsOut(i, j), `pair ${i}, ${j}`).toBe(true);
  }
}

describe('checkPlacement', () => {
  it('widens until a largest placement of every allowed pair is proven, evaluating only pairs that lead out of the region', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { rows, cols } = c;
        const capacity = Int32Array.from(c.capacity);
        const isAllowed = (i: number, j: number) => c.allowed[i * cols + j]!;
        const most = maxBMatching({ ...graphOf(rows, cols, isAllowed), capacity }).size;
        const candidates = Array.from({ length: rows }, (_, i) => Int32Array.from({ length: cols }, (_, j) => j).filter((j) => c.candidate[i * cols + j]!));
        const placeable = Uint8Array.from({ length: rows }, (_, i) => (c.capacity.some((places, j) => places > 0 && isAllowed(i, j)) ? 1 : 0));
        for (let round = 0; ; round++) {
          expect(round).toBeLessThanOrEqual(rows * cols);
          const graph = graphOf(rows, cols, (i, j) => candidates[i]!.includes(j) && isAllowed(i, j));
          const matching = maxBMatching({ ...graph, capacity });
          const assignment = Array.from(matching.rowCol, (j) => (j < 0 ? null : j));
          const before = candidates.map((list) => Array.from(list));
          const { asked, exactWeights } = weigher(c);
          const check = checkPlacement({ graph, assignment, capacity, placeable, candidates, exactWeights, mayWaive: (row) => c.waivable[row]!, budget: Infinity });
          expectAsked(c, asked, check.evaluated, (i, j) => capacity[j]! > 0 && !before[i]!.includes(j));
          if (check.outcome === 'proven') {
            expect(matching.size).toBe(most);
            const { rows: regionRows, cols: regionCols } = check.region;
            for (const j of regionCols) expect(matching.members.load[j]).toBe(capacity[j]);
            for (const i of regionRows) for (let j = 0; j < cols; j++) if (isAllowed(i, j) && capacity[j]! > 0) expect(regionCols).toContain(j);
            // Every unplaced row that may be placed at all is in the region.
            for (let i = 0; i < rows; i++) if (assignment[i] === null && placeable[i] === 1) expect(regionRows).toContain(i);
            return;
          }
          expect(check.outcome).toBe('widened');
          if (check.outcome !== 'widened') return;
          // Only allowed pairs are added, to lists that keep their order.
          let added = 0;
          for (let i = 0; i < rows; i++) {
            const now = Array.from(candidates[i]!);
            expect(now).toEqual([...now].sort((a, b) => a - b));
            for (const j of now) if (!before[i]!.includes(j)) {
              expect(isAllowed(i, j)).toBe(true);
              added++;
            }
          }
          expect(added).toBe(check.added);
          expect(added).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('says when the matching given is not a largest one, and when the pairs to evaluate exceed the budget', () => {
    const capacity = Int32Array.of(2, 1);
    const graph = graphOf(2, 2, (_, j) => j === 0);
    const { exactWeights } = weigher({ rows: 2, cols: 2, capacity: [2, 1], allowed: [true, true, true, true], candidate: [], waivable: [false, false] });
    const candidates = [Int32Array.of(0), Int32Array.of(0)];
    const input = { graph, capacity, placeable: Uint8Array.of(1, 1), candidates, exactWeights, mayWaive: () => false };
    // Coach 0 has a place left that the unplaced coachee could take.
    expect(checkPlacement({ ...input, assignment: [0, null], budget: Infinity }).outcome).toBe('notMaximum');
    // Coach 0 full with both: coach 1 is outside the region, empty, and the budget does not reach its pairs.
    const full = Int32Array.of(1, 1);
    const fresh = () => ({ ...input, candidates: [Int32Array.of(0), Int32Array.of(0)], capacity: full, assignment: [0, null] });
    // Nothing is evaluated when the pairs to evaluate (2) exceed the budget.
    expect(checkPlacement({ ...fresh(), budget: 1 })).toEqual({ outcome: 'overBudget', evaluated: 0 });
    expect(checkPlacement({ ...fresh(), budget: 2 })).toEqual({ outcome: 'widened', evaluated: 2, added: 2 });
  });
});

describe('checkMinLoads', () => {
  const withMinimums = caseArbitrary.chain((c) => fc.record({ c: fc.constant(c), minLoad: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: c.cols, maxLength: c.cols }) }));

  /** The places of the minimum loads matched to coachees allowed by `keep`, each once: how many are filled. */
  const filledMinimums = (rows: number, cols: number, minLoad: readonly number[], keep: (i: number, j: number) => boolean): number => {
    const slots = minLoad.flatMap((m, j) => Array.from({ length: m }, () => j));
    const graph = graphOf(slots.length, rows, (s, i) => keep(i, slots[s]!));
    return maxBMatching({ ...graph, capacity: new Int32Array(rows).fill(1) }).size;
  };

  it('widens until the candidates meet every minimum load or the full problem is proven not to', () => {
    fc.assert(
      fc.property(withMinimums, ({ c, minLoad }) => {
        const { rows, cols } = c;
        // Coaches with a minimum have places for it.
        const capacity = Int32Array.from(c.capacity, (places, j) => Math.max(places, minLoad[j]!));
        const isAllowed = (i: number, j: number) => c.allowed[i * cols + j]!;
        const required = minLoad.reduce((a, b) => a + b, 0);
        const fullFilled = filledMinimums(rows, cols, minLoad, isAllowed);
        const candidates = Array.from({ length: rows }, (_, i) => Int32Array.from({ length: cols }, (_, j) => j).filter((j) => c.candidate[i * cols + j]!));
        const placeable = Uint8Array.from({ length: rows }, (_, i) => (Array.from(capacity).some((places, j) => places > 0 && isAllowed(i, j)) ? 1 : 0));
        for (let round = 0; ; round++) {
          expect(round).toBeLessThanOrEqual(rows * cols);
          const graph = graphOf(rows, cols, (i, j) => candidates[i]!.includes(j) && isAllowed(i, j));
          const before = candidates.map((list) => Array.from(list));
          const { asked, exactWeights } = weigher(c);
          const check = checkMinLoads({ graph, minLoad: Int32Array.from(minLoad), placeable, candidates, exactWeights, mayWaive: (row) => c.waivable[row]!, budget: Infinity });
          expectAsked(c, asked, check.evaluated, (i, j) => minLoad[j]! > 0 && !before[i]!.includes(j));
          if (check.outcome === 'met') {
            expect(fullFilled).toBe(required);
            return;
          }
          if (check.outcome === 'proven') {
            expect(required - fullFilled).toBe(check.shortBy);
            // The coachees allowed to any coach named are all they can draw on: that many short.
            const named = check.cols.reduce((n, j) => n + minLoad[j]!, 0);
            let reachable = 0;
            for (let i = 0; i < rows; i++) if (check.cols.some((j) => isAllowed(i, j))) reachable++;
            expect(named - reachable).toBe(check.shortBy);
            return;
          }
          expect(check.outcome).toBe('widened');
          if (check.outcome !== 'widened') return;
          let added = 0;
          for (let i = 0; i < rows; i++) for (const j of candidates[i]!) if (!before[i]!.includes(j)) {
            expect(isAllowed(i, j) && minLoad[j]! > 0).toBe(true);
            added++;
          }
          expect(added).toBe(check.added);
          expect(added).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(400) },
    );
  });
});
