import type { InputIssue } from '../errors.js';
import { roundingUnit } from '../solver/roundingUnit.js';
import type { AssignmentProblem, AssignmentResult } from '../solver/types.js';
import type { Pin } from './solvePinned.js';

type Answer = Pick<Extract<AssignmentResult, { status: 'optimal' }>, 'assignment' | 'loads' | 'duals'>;

/** Says an issue; answers true to stop at it (a yes-or-no check needs only the first). */
type Report = (path: string, message: string) => boolean;

/**
 * Whether duals certify an (optimal) answer of a `max` problem: explain reads
 * `row[i] + col[j] − w[i][j]` as a lower bound of what forcing (i, j) costs, and stops pricing
 * alternatives at it, so duals that are not a certificate hide the cheapest ones; and a pinned
 * re-solve on short lists is the whole problem's optimum when they certify it (see
 * PinnedOnShortLists). Checked, within 1e-9 of what each check adds up (a pair's |row| + |col|
 * + |w|; for the signs, the chosen weights' scale) plus the solver's rounding unit: every pair
 * of an open coach at least its weight, every assigned pair exactly; a positive column dual only
 * on a full coach, a negative one only at its minimum load; with unplaced rows that could be
 * placed, none of their duals above a placed row's (the duals of a fixed number placed: an
 * unplaced row holds only that count's price). Built once per problem; a check reads every pair
 * once, or with a baseline only those that could fail.
 */
export class DualCertificate {
  private readonly rows: number;
  private readonly cols: number;
  /** Row-major weights, NaN where a pair is forbidden. */
  private readonly weights: Float64Array;
  private readonly capacity: readonly number[];
  private readonly minLoad: readonly number[];
  /** Per row the weight of its chosen pair in the answer being checked (see {@link check}). */
  private readonly chosenWeight: Float64Array;
  /**
   * Column duals every answer is compared with, and per row its pairs on coaches with places,
   * highest `w − col` at them first (`order` and `slack` from `start[i]`; see {@link withBaseline}).
   */
  private baseline: { readonly col: readonly number[]; readonly start: Int32Array; readonly order: Int32Array; readonly slack: Float64Array } | null = null;

  constructor(problem: AssignmentProblem) {
    const dense = problem.weights!;
    this.rows = dense.length;
    this.cols = problem.capacity!.length;
    this.weights = new Float64Array(this.rows * this.cols).fill(Number.NaN);
    dense.forEach((row, i) => row.forEach((w, j) => w !== null && (this.weights[i * this.cols + j] = w)));
    this.capacity = problem.capacity!;
    this.minLoad = problem.minLoad ?? this.capacity.map(() => 0);
    this.chosenWeight = new Float64Array(this.rows);
  }

  /**
   * Checks later answers against these column duals (an optimum's, whose pinned re-solves move
   * few of them): at a coach whose dual has not fallen below them (by more than half the least
   * tolerance), a row's dual covers every pair whose `w − col` here is below it (within the other
   * half), so only the row's pairs above its dual, taken highest first, and the fallen coaches
   * need a look, not every pair. The answers are the same.
   */
  withBaseline(colDuals: readonly number[]): this {
    const { rows, cols, weights } = this;
    const start = new Int32Array(rows + 1);
    const lists: number[][] = [];
    for (let i = 0; i < rows; i++) {
      const list: number[] = [];
      for (let j = 0; j < cols; j++) if (this.capacity[j]! > 0 && !Number.isNaN(weights[i * cols + j]!)) list.push(j);
      const slackOf = (j: number) => weights[i * cols + j]! - colDuals[j]!;
      lists.push(list.sort((a, b) => slackOf(b) - slackOf(a) || a - b));
      start[i + 1] = start[i]! + list.length;
    }
    const order = Int32Array.from(lists.flat());
    const slack = new Float64Array(order.length);
    for (let i = 0; i < rows; i++) for (let k = start[i]!; k < start[i + 1]!; k++) slack[k] = weights[i * cols + order[k]!]! - colDuals[order[k]!]!;
    this.baseline = { col: colDuals, start, order, slack };
    return this;
  }

  /** Every issue, at `$.result.duals.row[i]` or `$.result.duals.col[j]`; empty when the duals certify the answer. */
  issues(answer: Answer): InputIssue[] {
    const issues: InputIssue[] = [];
    this.check(answer, null, (path, message) => (issues.push({ path, message }), false));
    return issues;
  }

  /**
   * Whether the duals certify a pinned answer (in the whole problem's rows, the pin among them)
   * as the optimum of the rest: the problem without the pinned row, its coach one place less.
   */
  certifiesPinned(answer: Answer, pin: Pin): boolean {
    return this.check(answer, pin, () => true);
  }

  /** Walks the conditions, telling `report` of each failure; true when none failed. */
  private check(answer: Answer, pin: Pin | null, report: Report): boolean {
    const { rows, cols, weights } = this;
    const { row: u, col: v } = answer.duals;
    const skip = pin?.row ?? -1;
    const places = (j: number, of: readonly number[]) => (j === pin?.col ? Math.max(0, of[j]! - 1) : of[j]!);
    let ok = true;
    const fail = (path: string, message: string) => {
      ok = false;
      return report(path, message);
    };
    // Tolerances grow with what is added up, not with the largest weight anywhere: a coachee of
    // priority 1e-9 with a penalty weighs -1e10 on one pair, which no optimum uses, and a
    // tolerance of 1e-9 of that let answers 0.05 short of the optimum through.
    // The chosen weights read once into a buffer (each read of the dense weights is a cache
    // miss), plain loops throughout: explain checks thousands of answers.
    const chosenWeight = this.chosenWeight;
    let scale = 0;
    for (let i = 0; i < answer.assignment.length; i++) {
      const col = answer.assignment[i];
      if (col === null || col === undefined) continue;
      chosenWeight[i] = weights[i * cols + col]!;
      scale = Math.max(scale, Math.abs(chosenWeight[i]!));
    }
    const unit = roundingUnit(scale);
    const floor = 1e-9 * unit;
    const sideTolerance = 1e-9 * (unit + scale);
    // Column duals with +∞ at coaches without places: their pairs then always pass (and a
    // forbidden pair's NaN weight never fails), so the loop over every pair has no branches.
    const open = new Float64Array(cols);
    for (let j = 0; j < cols; j++) open[j] = places(j, this.capacity) === 0 ? Infinity : v[j]!;
    const fallen = this.fallenColumns(open, floor);
    const isFallen = new Uint8Array(cols);
    for (const j of fallen ?? []) isFallen[j] = 1;
    /** Whether pair (i, j) is below its weight beyond the rounding of the sum, said to `report`: true to stop. */
    const belowWeight = (i: number, ui: number, j: number): boolean => {
      const w = weights[i * cols + j]!;
      const reduced = ui + open[j]! - w;
      return reduced < -1e-9 * (unit + Math.abs(ui) + Math.abs(v[j]!) + Math.abs(w)) && fail(`$.result.duals.row[${i}]`, `row[${i}] + col[${j}] is ${ui + v[j]! - w} below the pair's weight ${w}: the duals are not feasible`);
    };
    const { start, order, slack } = this.baseline ?? {};
    for (let i = 0; i < rows; i++) {
      if (i === skip) continue;
      const ui = u[i]!;
      if (fallen === null || start === undefined || order === undefined || slack === undefined) {
        for (let j = 0; j < cols; j++) if (belowWeight(i, ui, j)) return false;
      } else {
        // Past the pairs whose baseline slack exceeds the row's dual, the rest are covered
        // (each pair's tolerance is at least the floor: half for the slack, half for the fall).
        for (let k = start[i]!, end = start[i + 1]!; k < end && slack[k]! > ui + floor / 2; k++) {
          if (isFallen[order[k]!] === 0 && belowWeight(i, ui, order[k]!)) return false;
        }
        for (const j of fallen) if (belowWeight(i, ui, j)) return false;
      }
      const chosen = answer.assignment[i] ?? null;
      if (chosen === null) continue;
      const w = chosenWeight[i]!;
      const reduced = ui + v[chosen]! - w;
      if (reduced > 1e-9 * (unit + Math.abs(ui) + Math.abs(v[chosen]!) + Math.abs(w)) && fail(`$.result.duals.row[${i}]`, `row[${i}] + col[${chosen}] exceeds the assigned pair's weight ${w} by ${reduced}: it must equal it`)) return false;
    }
    for (let j = 0; j < cols; j++) {
      const [load, capacity, minLoad] = [places(j, answer.loads), places(j, this.capacity), places(j, this.minLoad)];
      if (v[j]! > sideTolerance && load < capacity && fail(`$.result.duals.col[${j}]`, `is ${v[j]}, but coach index ${j} has a free place (${load} of ${capacity}): only a full coach has a positive dual`)) return false;
      if (v[j]! < -sideTolerance && load > minLoad && fail(`$.result.duals.col[${j}]`, `is ${v[j]}, but coach index ${j} is above its minimum load (${load} > ${minLoad}): only a coach at its minimum has a negative dual`)) return false;
    }
    let lowestPlaced = Infinity;
    for (let i = 0; i < rows; i++) if (i !== skip && answer.assignment[i] != null) lowestPlaced = Math.min(lowestPlaced, u[i]!);
    for (let i = 0; i < rows; i++) {
      if (i === skip || answer.assignment[i] != null || !(u[i]! > lowestPlaced + 1e-9 * (unit + scale + Math.abs(u[i]!) + Math.abs(lowestPlaced)))) continue;
      // A row with no pair on an open coach is never placed: its dual bounds nothing.
      if (this.placeable(i, pin) && fail(`$.result.duals.row[${i}]`, `is ${u[i]}, above ${lowestPlaced}, a placed coachee's dual: an unplaced coachee's cannot exceed it`)) return false;
    }
    return ok;
  }

  /** The coaches whose (open) dual is below the baseline's by more than half the floor of the tolerances, ascending; null without a baseline. */
  private fallenColumns(open: Float64Array, floor: number): Int32Array | null {
    if (this.baseline === null) return null;
    const base = this.baseline.col;
    const fallen: number[] = [];
    for (let j = 0; j < this.cols; j++) if (open[j]! < base[j]! - floor / 2) fallen.push(j);
    return Int32Array.from(fallen);
  }

  private placeable(i: number, pin: Pin | null): boolean {
    for (let j = 0; j < this.cols; j++) {
      const places = j === pin?.col ? this.capacity[j]! - 1 : this.capacity[j]!;
      if (!Number.isNaN(this.weights[i * this.cols + j]!) && places > 0) return true;
    }
    return false;
  }
}

/** {@link DualCertificate}'s issues of one answer of `problem`. */
export function dualIssues(problem: AssignmentProblem, answer: Answer): InputIssue[] {
  return new DualCertificate(problem).issues(answer);
}
