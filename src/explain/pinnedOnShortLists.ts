import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../solver/types.js';
import { DualCertificate } from './checkDuals.js';
import type { DenseProblem } from './compressedRows.js';
import { solvePinned, type Pin, type PinnedResult } from './solvePinned.js';

type Optimal = Extract<AssignmentResult, { status: 'optimal' }>;

/**
 * Pairs per row kept for the short solves: a few beyond the least reduced cost, where a forced
 * pair's knock-on moves go. Explain --k 3 of the 2,000 × 400 engine cohort (seed 7) took 32.1 s
 * of CPU with 4 (more answers withheld), 25.4–25.9 s with 8, 28.6 s with 12.
 */
const PAIRS_PER_ROW = 8;

/**
 * Pinned re-solves on each row's few pairs of least reduced cost at the optimum (plus its own
 * pair), each answer certified for the whole problem or withheld: explain prices thousands of
 * forced pairs, and a re-solve of every pair grew with the pairs (23 ms each at 2,000 × 400).
 *
 * A short solve's answer is the whole pinned problem's optimum when it places as many
 * coachees as the unpinned optimum (no pinned matching places more) and its duals certify it
 * over every pair of the rest, as explain checks a caller's duals (see DualCertificate): feasible on
 * every pair, tight on the chosen ones, a positive column dual only on a full coach, a negative
 * one only at the minimum load, no unplaced coachee's above a placed one's. Otherwise
 * {@link price} answers null, and the caller solves the whole problem.
 */
export class PinnedOnShortLists {
  private readonly short: AssignmentProblem & { readonly compressed: NonNullable<AssignmentProblem['compressed']> };
  private readonly certificate: DualCertificate;

  constructor(
    private readonly problem: DenseProblem,
    private readonly optimum: Optimal,
    private readonly method: SolverMethod,
    pairsPerRow = PAIRS_PER_ROW,
  ) {
    this.short = shortLists(problem, optimum, pairsPerRow);
    this.certificate = new DualCertificate(problem).withBaseline(optimum.duals.col);
  }

  /** The pinned optimum, certified for the whole problem; null when the short lists cannot show it. */
  price(pin: Pin): PinnedResult | null {
    const { problem, optimum } = this;
    const weight = problem.weights[pin.row]?.[pin.col];
    if (weight === null || weight === undefined) return null;
    const forced = solvePinned(withOnlyPair(this.short, pin, weight), [pin], this.method, { assignment: optimum.assignment, colDual: optimum.duals.col });
    if (forced.status !== 'optimal' || forced.matched !== optimum.matched) return null;
    return this.certificate.certifiesPinned(forced, pin) ? forced : null;
  }
}

/** Each row's `perRow` pairs of least reduced cost `row + col − w` (ties to the lower column) and its assigned pair, in compressed rows. */
function shortLists(problem: DenseProblem, optimum: Optimal, perRow: number): PinnedOnShortLists['short'] {
  const { weights } = problem;
  const { row: u, col: v } = optimum.duals;
  const lists: number[][] = weights.map((row, i) => {
    const allowed: number[] = [];
    for (let j = 0; j < row.length; j++) if (row[j] !== null) allowed.push(j);
    const reduced = (j: number) => u[i]! + v[j]! - row[j]!;
    const kept = allowed.sort((a, b) => reduced(a) - reduced(b) || a - b).slice(0, perRow);
    const own = optimum.assignment[i];
    if (own !== null && own !== undefined && !kept.includes(own)) kept.push(own);
    return kept.sort((a, b) => a - b);
  });
  const rowStart = new Int32Array(weights.length + 1);
  lists.forEach((list, i) => (rowStart[i + 1] = rowStart[i]! + list.length));
  const colIndex = Int32Array.from(lists.flat());
  const weight = Float64Array.from(lists.flatMap((list, i) => list.map((j) => weights[i]![j]!)));
  const { weights: _, ...rest } = problem;
  return { ...rest, rows: weights.length, cols: problem.cols ?? weights[0]?.length ?? 0, compressed: { rowStart, colIndex, weight } };
}

/** The short lists with the pinned row's list replaced by its pin (solvePinned takes the row out and reads the pin's weight). */
function withOnlyPair(short: PinnedOnShortLists['short'], pin: Pin, weight: number): AssignmentProblem {
  const { rowStart, colIndex, weight: weights } = short.compressed;
  const [from, to] = [rowStart[pin.row]!, rowStart[pin.row + 1]!];
  const starts = rowStart.map((s, i) => (i <= pin.row ? s : s - (to - from) + 1));
  const columns = new Int32Array(colIndex.length - (to - from) + 1);
  columns.set(colIndex.subarray(0, from));
  columns[from] = pin.col;
  columns.set(colIndex.subarray(to), from + 1);
  const values = new Float64Array(columns.length);
  values.set(weights.subarray(0, from));
  values[from] = weight;
  values.set(weights.subarray(to), from + 1);
  return { ...short, compressed: { rowStart: starts, colIndex: columns, weight: values } };
}
