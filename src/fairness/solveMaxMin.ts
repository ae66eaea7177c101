import { z } from 'zod';
import { describeValue } from '../text/describeValue.js';
import { CoachmatchError } from '../errors.js';
import { maxBMatching } from '../solver/maxBMatching.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import { normalizeProblem } from '../solver/normalizeProblem.js';
import { solveNormalized } from '../solver/solveAssignment.js';
import type { AssignmentProblem, SolverMethod } from '../solver/types.js';
import type { MaxMinResult } from './maxMinResult.js';
import { optionsWithDefaults } from '../model/optionsWithDefaults.js';

/** Options of {@link solveMaxMin}. */
export interface MaxMinOptions {
  /** Algorithm of the inner solves (`auto`: Jonker–Volgenant or min-cost flow). */
  readonly method: SolverMethod;
  /**
   * How good pair (row, col) is for the worst-off measure, higher is better. Null (default):
   * the pair's weight for `sense: 'max'`, minus it for `min` (so max–min becomes min–max cost).
   */
  readonly level: ((row: number, col: number) => number) | null;
}

/** Defaults for {@link solveMaxMin}. */
export const defaultMaxMinOptions: MaxMinOptions = { method: 'auto', level: null };

/**
 * Lexicographic max–min assignment, exactly: first as many rows placed as the plain problem
 * allows (all of them unless `allowUnmatched`), then the best possible worst level among the
 * placed rows, then the best total weight among the assignments that reach it.
 *
 * @remarks
 * Levels within 10^-12 of the largest |level| of each other count as one (see levelSteps), so
 * with levels of 10^15 beside levels of 2 and 900 those two are one step. Bottleneck threshold search: the
 * distinct levels are sorted, and a binary search finds the
 * highest threshold t for which the pairs with level ≥ t still place as many rows
 * (a maximum-cardinality b-matching; a min-cost-flow solve when minimum loads are set). The
 * search starts from the plain optimum's worst level, which is always reachable. A final
 * total-optimal solve restricted to the pairs ≥ t gives the answer; the price of fairness is
 * what that costs against the plain optimum. O(log #levels) matchings plus two exact solves.
 *
 * @throws CoachmatchError `invalidArgument` for a bad option (at `$.<name>`; undefined means the
 * default), or a level function that returns anything but a finite number (at `$.level`).
 *
 * @example
 * ```ts
 * solveMaxMin({ weights: [[10, 4], [6, 1]] });
 * // plain optimum 10 + 1 = 11 leaves someone at 1; max–min: assignment [1, 0],
 * // worst 4, objective 10, optimum 11, priceOfFairness 1
 * ```
 */
export function solveMaxMin(problem: AssignmentProblem, options: Partial<MaxMinOptions> = {}): MaxMinResult {
  const { method, level } = maxMinSettings(options);
  const p = normalizeProblem(problem);
  const plain = solveNormalized(p, method);
  if (plain.status === 'infeasible') return plain;
  const levels = pairLevels(p, level);
  const optimumWorst = worstLevel(p, levels, plain.assignment);
  const inner: SolverMethod = method === 'lp' ? 'lp' : 'flow';
  if (optimumWorst === null) {
    return { status: 'optimal', assignment: plain.assignment, loads: plain.loads, matched: plain.matched, objective: plain.objective, worst: null, optimum: plain.objective, optimumWorst, priceOfFairness: 0 };
  }
  const distinct = levelSteps(levels);
  // Invariant: distinct[lo] is reachable; everything above hi is not. The plain optimum's
  // worst level lies in the step that starts at or below it.
  let lo = 0;
  while (lo + 1 < distinct.length && distinct[lo + 1]! <= optimumWorst) lo++;
  let hi = distinct.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (placesAsMany(restrict(p, levels, distinct[mid]!), plain.matched)) lo = mid;
    else hi = mid - 1;
  }
  const threshold = distinct[lo]!;
  const fair = solveNormalized(restrict(p, levels, threshold), inner);
  if (fair.status !== 'optimal' || fair.matched !== plain.matched) {
    throw new CoachmatchError('internal', 'the max–min threshold found reachable is not'); // unreachable by the invariant
  }
  const price = p.sense === 'max' ? plain.objective - fair.objective : fair.objective - plain.objective;
  return {
    status: 'optimal',
    assignment: fair.assignment,
    loads: fair.loads,
    matched: fair.matched,
    objective: fair.objective,
    worst: worstLevel(p, levels, fair.assignment),
    optimum: plain.objective,
    optimumWorst,
    priceOfFairness: Math.max(0, price),
  };
}

/**
 * Gap, as a share of the largest |level|, within which two levels are one: scores summed in
 * another order differ by rounding (a few units in the last place of the largest terms).
 */
export const LEVEL_TOLERANCE = 1e-12;

/**
 * The distinct levels, ascending, with each level within {@link LEVEL_TOLERANCE} of the
 * lowest of its step merged into that step: two scores of 8/15 computed for different
 * coachees came out one unit in the last place apart, and taking the higher as a better worst
 * level cost 1.51 of total. Each step is its lowest level, so a threshold at it keeps the
 * whole step.
 */
export function levelSteps(levels: Float64Array): Float64Array {
  const sorted = Float64Array.from(new Set(levels)).sort();
  let scale = 0;
  for (const x of sorted) scale = Math.max(scale, Math.abs(x));
  const gap = LEVEL_TOLERANCE * scale;
  const steps: number[] = [];
  for (const x of sorted) {
    const last = steps.at(-1);
    if (last === undefined || x - last > gap) steps.push(x);
  }
  return Float64Array.from(steps);
}

const maxMinOptionsSchema = z.strictObject({
  method: z.enum(['auto', 'jv', 'flow', 'lp']).optional(),
  level: z.custom<MaxMinOptions['level']>((f) => f === null || typeof f === 'function', { error: 'expected a function (row, col) => number, or null' }).optional(),
});

/**
 * The options with their defaults (an option given as undefined gets its default).
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option at `$.<name>`.
 */
function maxMinSettings(options: unknown): MaxMinOptions {
  return optionsWithDefaults(maxMinOptionsSchema, options, defaultMaxMinOptions, 'max–min options');
}

/** Level of every allowed pair, in CSR order; a level that is not a finite number is refused. */
function pairLevels(p: NormalizedProblem, level: MaxMinOptions['level']): Float64Array {
  const out = new Float64Array(p.colIndex.length);
  for (let i = 0; i < p.rows; i++) {
    for (let k = p.rowStart[i]!; k < p.rowStart[i + 1]!; k++) {
      // -cost is "higher is better" in either sense; +0 folds -0 into 0 so levels dedupe.
      if (level === null) out[k] = -p.cost[k]! + 0;
      else {
        const value: unknown = level(i, p.colIndex[k]!);
        // A string would compare as text and NaN with nothing: the worst level would be wrong.
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new CoachmatchError('invalidArgument', 'Invalid max–min level', [{ path: '$.level', message: `level(${i}, ${p.colIndex[k]}) returned ${describeValue(value)}; expected a finite number` }]);
        }
        out[k] = value + 0;
      }
    }
  }
  return out;
}

function worstLevel(p: NormalizedProblem, levels: Float64Array, assignment: readonly (number | null)[]): number | null {
  let worst: number | null = null;
  assignment.forEach((j, i) => {
    if (j === null) return;
    for (let k = p.rowStart[i]!; k < p.rowStart[i + 1]!; k++) {
      if (p.colIndex[k] === j) worst = worst === null ? levels[k]! : Math.min(worst, levels[k]!);
    }
  });
  return worst;
}

/** The problem with only the pairs whose level is at least `threshold`. */
function restrict(p: NormalizedProblem, levels: Float64Array, threshold: number): NormalizedProblem {
  const keep: number[] = [];
  const rowStart = new Int32Array(p.rows + 1);
  for (let i = 0; i < p.rows; i++) {
    rowStart[i] = keep.length;
    for (let k = p.rowStart[i]!; k < p.rowStart[i + 1]!; k++) if (levels[k]! >= threshold) keep.push(k);
  }
  rowStart[p.rows] = keep.length;
  const pick = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
    keep.forEach((k, at) => {
      to[at] = from[k]!;
    });
    return to;
  };
  const cost = pick(p.cost, new Float64Array(keep.length));
  let largestCost = 0;
  for (const c of cost) largestCost = Math.max(largestCost, Math.abs(c));
  return {
    rows: p.rows,
    cols: p.cols,
    sense: p.sense,
    rowStart,
    colIndex: pick(p.colIndex, new Int32Array(keep.length)),
    weight: pick(p.weight, new Float64Array(keep.length)),
    cost,
    denseCost: null,
    capacity: p.capacity,
    minLoad: p.minLoad,
    allowUnmatched: p.allowUnmatched,
    largestCost,
  };
}

/** True when the restricted problem still places `count` rows (and meets minimum loads). */
function placesAsMany(p: NormalizedProblem, count: number): boolean {
  if (p.minLoad.every((m) => m === 0)) return maxBMatching(p).size >= count;
  const result = solveNormalized(p, 'flow');
  return result.status === 'optimal' && result.matched >= count;
}
