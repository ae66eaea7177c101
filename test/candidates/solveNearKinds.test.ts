import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KindExceptions } from '../../src/candidates/kindExceptions.js';
import type { RecordKinds } from '../../src/candidates/recordKinds.js';
import { everyRowPlaceable, solveNearKinds, type NearKindsProblem } from '../../src/candidates/solveNearKinds.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';

/** Each coachee's weight at every coach: its kind's, or its exception's where it has one. */
function denseWeights({ kinds, generic, exceptions, capacity }: NearKindsProblem): number[][] {
  const cols = capacity.length;
  return Array.from(kinds.kindOf, (g, i) => {
    const row = Array.from(generic.subarray(g * cols, (g + 1) * cols));
    for (let p = exceptions.rowStart[i]!; p < exceptions.rowStart[i + 1]!; p++) row[exceptions.colIndex[p]!] = exceptions.weight[p]!;
    return row;
  });
}

/**
 * The problem written out pair by pair: what near kinds stand for. Every coachee to be placed,
 * or with fewer places than coachees, as many as can be (then the best total).
 */
function expanded(problem: NearKindsProblem): AssignmentProblem {
  const edges: [number, number, number][] = [];
  denseWeights(problem).forEach((row, i) => row.forEach((w, j) => Number.isNaN(w) || edges.push([i, j, w])));
  const rows = problem.kinds.kindOf.length;
  const short = problem.capacity.reduce((a, b) => a + b, 0) < rows;
  return { rows, cols: problem.capacity.length, edges, capacity: Array.from(problem.capacity), minLoad: Array.from(problem.minLoad), sense: 'max', allowUnmatched: short };
}

/** Whether the answer the near kinds must find exists: every coachee placed, or with places short every place filled. */
function settles(problem: NearKindsProblem, matched: number): boolean {
  return matched === Math.min(problem.kinds.kindOf.length, problem.capacity.reduce((a, b) => a + b, 0));
}

/** Kinds from per-coachee kinds, exceptions and plain flags (each kind's first coachee plain), and the coaches' places and minimum loads (none by default). */
function nearProblem(kindOf: number[], generic: number[], exceptionsOf: [number, number][][], capacity: number[], minLoad: number[] = capacity.map(() => 0)): NearKindsProblem {
  const count = Math.max(...kindOf) + 1;
  const size = new Int32Array(count);
  const plainFirst = new Int32Array(count).fill(-1);
  const plain = new Uint8Array(kindOf.length);
  kindOf.forEach((g, i) => {
    size[g]!++;
    if (plainFirst[g] === -1) {
      plainFirst[g] = i;
      plain[i] = 1;
      exceptionsOf[i] = [];
    } else if (exceptionsOf[i]!.length === 0) plain[i] = 1;
  });
  const rowStart = [0];
  const colIndex: number[] = [];
  const weight: number[] = [];
  for (const list of exceptionsOf) {
    const byCol = new Map(list);
    for (const j of [...byCol.keys()].sort((a, b) => a - b)) {
      colIndex.push(j);
      weight.push(byCol.get(j)!);
    }
    rowStart.push(colIndex.length);
  }
  const kinds: RecordKinds = { kindOf: Int32Array.from(kindOf), size, plain, plainFirst, standIn: new Int32Array(count).fill(-1) };
  const exceptions: KindExceptions = { rowStart: Int32Array.from(rowStart), colIndex: Int32Array.from(colIndex), weight: Float64Array.from(weight) };
  return { kinds, generic: Float64Array.from(generic), exceptions, capacity: Int32Array.from(capacity), minLoad: Int32Array.from(minLoad) };
}

const weightArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -5, max: 20 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }, { weight: 2, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) });

const problems = (most: { rows: number; cols: number; kinds: number; capacity: number }, leastCols = 1) =>
  fc
    .record({
      rows: fc.integer({ min: 1, max: most.rows }),
      cols: fc.integer({ min: leastCols, max: most.cols }),
      kinds: fc.integer({ min: 1, max: most.kinds }),
      kindDraws: fc.array(fc.nat(), { minLength: most.rows, maxLength: most.rows }),
      generic: fc.array(weightArb, { minLength: most.kinds * most.cols, maxLength: most.kinds * most.cols }),
      exceptions: fc.array(fc.array(fc.tuple(fc.nat(), weightArb), { maxLength: 3 }), { minLength: most.rows, maxLength: most.rows }),
      capacity: fc.array(fc.integer({ min: 0, max: most.capacity }), { minLength: most.cols, maxLength: most.cols }),
      // Per coach, its minimum load (cut to its places; 0 for most), in about a third of the problems.
      minimums: fc.option(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: most.capacity }) }), { minLength: most.cols, maxLength: most.cols }), { freq: 2 }),
    })
    .map(({ rows, cols, kinds, kindDraws, generic, exceptions, capacity, minimums }) => {
      // Kinds numbered in the order of their first coachees, as recordKinds numbers them.
      const renumber = new Map<number, number>();
      const kindOf = kindDraws.slice(0, rows).map((d) => {
        const drawn = d % kinds;
        if (!renumber.has(drawn)) renumber.set(drawn, renumber.size);
        return renumber.get(drawn)!;
      });
      const count = renumber.size;
      const table = Array.from({ length: count * cols }, (_, q) => generic[Math.floor(q / cols) * most.cols + (q % cols)]!);
      const own = exceptions.slice(0, rows).map((list) => list.map(([j, w]): [number, number] => [j % cols, w]));
      const places = capacity.slice(0, cols);
      return nearProblem(kindOf, table, own, places, places.map((c, j) => Math.min(c, minimums?.[j] ?? 0)));
    });

/**
 * One kind whose coachees all have a preferred coach worth more than any kind weight, on
 * coaches of one place each, more coaches than a lone coachee first holds: every coachee turns
 * lone, and the places they first hold are too few for all, so certificates must add more.
 */
const crowded = fc
  .record({
    rows: fc.integer({ min: 17, max: 22 }),
    extraCols: fc.integer({ min: 0, max: 4 }),
    generic: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 26, maxLength: 26 }),
    preferred: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 21, max: 30 })), { minLength: 22, maxLength: 22 }),
  })
  .map(({ rows, extraCols, generic, preferred }) => {
    const cols = rows + extraCols;
    const exceptionsOf = preferred.slice(0, rows).map(([j, w]): [number, number][] => [[j % cols, w]]);
    return nearProblem(new Array<number>(rows).fill(0), generic.slice(0, cols), exceptionsOf, new Array<number>(cols).fill(1));
  });

describe('solveNearKinds', () => {
  // Small problems, and ones whose lone coachees first hold only some of their kind's coaches
  // (more than FIRST_GENERIC), so that certificates add the rest as the duals ask.
  it.each([
    ['a few coaches', problems({ rows: 9, cols: 5, kinds: 3, capacity: 4 })],
    ['more coaches than a lone coachee first holds', problems({ rows: 14, cols: 28, kinds: 2, capacity: 2 }, 17)],
    ['lone coachees crowding their kind', crowded],
    ['places short', problems({ rows: 10, cols: 4, kinds: 3, capacity: 2 })],
  ])('reaches the optimum of the problem written out pair by pair, by the flow solver and the LP backend, every coachee placed or every place filled (%s)', (variant, arbitrary) => {
    let solvedCount = 0;
    let shortSolved = 0;
    let minimumsSolved = 0;
    fc.assert(
      fc.property(arbitrary, (problem) => {
        const written = expanded(problem);
        const flow = solveAssignment(written, { method: 'flow' });
        const lp = solveAssignment(written, { method: 'lp' });
        const solved = solveNearKinds(problem);
        // Null only when not every coachee can be placed (with places short: not every place
        // filled), or a coachee has no allowed coach with a place (which, in a cohort, may be a
        // waiver its kind's weights do not show).
        if (flow.status !== 'optimal' || !settles(problem, flow.matched) || !everyRowPlaceable(problem)) {
          expect(solved).toBeNull();
          return;
        }
        expect(solved).not.toBeNull();
        const { result } = solved!;
        solvedCount++;
        if (result.matched < problem.kinds.kindOf.length) shortSolved++;
        if (problem.minLoad.some((m) => m > 0)) minimumsSolved++;
        const scale = 1 + Math.abs(flow.objective);
        expect(result.status).toBe('optimal');
        expect(Math.abs(result.objective! - flow.objective)).toBeLessThanOrEqual(1e-9 * scale);
        if (lp.status === 'optimal') expect(Math.abs(result.objective! - lp.objective)).toBeLessThanOrEqual(1e-6 * scale);
        // A valid assignment of every coachee, each at what it weighs there, within capacity.
        const weights = denseWeights(problem);
        const loads = new Array<number>(problem.capacity.length).fill(0);
        let total = 0;
        expect(result.matched).toBe(flow.matched);
        result.assignment.forEach((j, i) => {
          if (j === null) return;
          const w = weights[i]![j]!;
          expect(Number.isNaN(w)).toBe(false);
          total += w;
          loads[j]!++;
        });
        loads.forEach((n, j) => {
          expect(n).toBeLessThanOrEqual(problem.capacity[j]!);
          expect(n).toBeGreaterThanOrEqual(problem.minLoad[j]!);
        });
        expect(Math.abs(total - flow.objective)).toBeLessThanOrEqual(1e-9 * scale);
        // The duals cover every pair, tightly where a coachee sits.
        const { row: u, col: v } = result.duals!;
        weights.forEach((row, i) =>
          row.forEach((w, j) => {
            if (Number.isNaN(w)) return;
            const allowance = 1e-9 * (1 + Math.abs(u[i]!) + Math.abs(v[j]!) + Math.abs(w));
            expect(u[i]! + v[j]! - w).toBeGreaterThanOrEqual(-allowance);
            if (result.assignment[i] === j) expect(u[i]! + v[j]! - w).toBeLessThanOrEqual(allowance);
          }),
        );
      }),
      { numRuns: runs(400) },
    );
    expect(solvedCount).toBeGreaterThan(runs(400) / 4);
    // Places short are solved too, each place filled and the rest unmatched.
    if (variant === 'places short') expect(shortSolved).toBeGreaterThan(runs(400) / 10);
    // And so are coaches' minimum loads.
    if (variant !== 'lone coachees crowding their kind') expect(minimumsSolved).toBeGreaterThan(runs(400) / 20);
  });

  it('adds the pairs the duals ask for when lone coachees crowd their kind', () => {
    // The certificate's own path: the first solve turns every coachee lone (their preferred
    // coaches are not covered); pairs added after the second are the certificate's.
    let certified = 0;
    fc.assert(
      fc.property(crowded, (problem) => {
        const solved = solveNearKinds(problem)!;
        if (solved.addedPerRound.slice(1).some((n) => n > 0)) certified++;
      }),
      { numRuns: runs(100) },
    );
    expect(certified).toBeGreaterThan(0);
  });

  it('agrees with exhaustive search on a few coachees', () => {
    fc.assert(
      fc.property(problems({ rows: 6, cols: 3, kinds: 2, capacity: 3 }), (problem) => {
        const truth = bruteForce(expanded(problem));
        const solved = solveNearKinds(problem);
        if (!(truth.feasible && settles(problem, truth.matched) && everyRowPlaceable(problem))) return;
        expect(solved).not.toBeNull();
        expect(solved!.result.matched).toBe(truth.matched);
        expect(Math.abs(solved!.result.objective! - truth.objective!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(truth.objective!)));
      }),
      { numRuns: runs(300) },
    );
  });

  it('solves alone a pooled coachee its pool left no place for outside its exceptions', () => {
    // Kind 0: coachees 0 (plain) and 1, who is banned at coach 0; the kind weighs coach 0 far
    // above coach 1, which has room for both. The pool's two places both go to coach 0 while
    // coachee 1 is pooled, so it must be solved alone: coach 1 for it, coach 0 for coachee 0.
    const problem = nearProblem([0, 0], [10, 1], [[], [[0, Number.NaN]]], [2, 2]);
    const solved = solveNearKinds(problem)!;
    expect(solved.result.assignment).toEqual([0, 1]);
    expect(solved.result.objective).toBe(11);
    expect(solved.lone).toBe(1);
    expect(solved.solves).toBe(2);
  });

  it('turns lone a coachee whose preferred coach is worth more than its kind place', () => {
    // Kind 0 of three coachees: coach 0 weighs 5 and takes one, coach 1 weighs 4 and takes
    // three. Coachee 2 weighs 9 at coach 1 (a preference): pooled, the duals do not cover it.
    const problem = nearProblem([0, 0, 0], [5, 4], [[], [], [[1, 9]]], [1, 3]);
    const solved = solveNearKinds(problem)!;
    expect(solved.result.objective).toBe(5 + 4 + 9);
    expect(solved.result.assignment[2]).toBe(1);
    expect(solved.lone).toBe(1);
  });
});
