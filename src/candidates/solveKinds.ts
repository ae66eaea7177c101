import { solveTransportation, transportationProven, type TransportationProblem } from '../solver/transportation.js';
import type { AssignmentResult } from '../solver/types.js';
import type { CoacheeKinds } from './coacheeKinds.js';

/**
 * Pairs a solve by kinds may read, per pair of its problem, before it gives up and the
 * candidate rounds take over (see solveTransportation's budget): with room for all,
 * 100,000 × 10,000 of 15 kinds read 1.9 a pair, 20,000 × 3,000 of 15 kinds 1.1; with 49,859
 * places for the 100,000, 0.13.
 */
export const READS_PER_PAIR = 200;

/**
 * The full problem of coachees in kinds (`weight`: row-major kinds × coaches, NaN banned),
 * solved exactly as a transportation problem and proven by its duals; null when it cannot be
 * settled that way. With room for every coachee, each kind ships its coachees to the coaches,
 * each coach taking at least its minimum load (see coacheeResult). With fewer places than
 * coachees, and coachees allowed to stay unmatched, each coach ships its places to the kinds,
 * every place filled (the most any matching places, and every minimum met), each kind taking
 * at most its coachees: a kind's coachees, in row order, take its places in coach order, and
 * the last go unmatched. Null when not every coachee (or place) can be placed, a minimum load
 * cannot be met, the solve runs past its budget, or its proof fails.
 */
export function solveKinds(kinds: CoacheeKinds, capacity: Int32Array, minLoad: Int32Array, weight: Float64Array, allowUnmatched: boolean): AssignmentResult | null {
  const count = kinds.first.length;
  const cols = capacity.length;
  const rows = kinds.kindOf.length;
  let places = 0;
  for (const c of capacity) places += c;
  if (places >= rows) {
    const problem = { ...denseProblem(count, cols, kinds.size, capacity, (g, j) => weight[g * cols + j]!), minLoad };
    const solved = proven(problem);
    return solved === null ? null : coacheeResult(kinds.kindOf, problem, solved.flow, solved.sourceDual, solved.sinkDual);
  }
  if (!allowUnmatched) return null;
  const problem = denseProblem(cols, count, capacity, kinds.size, (j, g) => weight[g * cols + j]!);
  const solved = proven(problem);
  return solved === null ? null : placesResult(kinds, problem, solved.flow, solved.sourceDual, solved.sinkDual);
}

function proven(problem: TransportationProblem): { flow: Int32Array; sourceDual: Float64Array; sinkDual: Float64Array } | null {
  const solved = solveTransportation(problem, READS_PER_PAIR * problem.colIndex.length);
  if (solved.status !== 'optimal' || !transportationProven(problem, solved.flow, solved.sourceDual, solved.sinkDual)) return null;
  return solved;
}

/** Every source on every sink, in compressed rows, the weight of (source, sink) from `weightOf`. */
function denseProblem(sources: number, sinks: number, supply: Int32Array, capacity: Int32Array, weightOf: (source: number, sink: number) => number): TransportationProblem {
  const rowStart = new Int32Array(sources + 1);
  const colIndex = new Int32Array(sources * sinks);
  const weight = new Float64Array(sources * sinks);
  for (let s = 0; s < sources; s++) {
    rowStart[s + 1] = (s + 1) * sinks;
    for (let j = 0; j < sinks; j++) {
      colIndex[s * sinks + j] = j;
      weight[s * sinks + j] = weightOf(s, j);
    }
  }
  return { sources, sinks, supply, capacity, rowStart, colIndex, weight };
}

/**
 * The coachees' assignment of a solved transportation problem whose sources are groups of
 * alike coachees (`sourceOf`: each coachee's source): each source's coachees, in row order,
 * take its pairs' units in pair order (its coaches ascending), and each coachee its source's
 * dual.
 */
function coacheeResult(sourceOf: Int32Array, problem: TransportationProblem, flow: Int32Array, sourceDual: Float64Array, sinkDual: Float64Array): AssignmentResult {
  const rows = sourceOf.length;
  const { rowStart, colIndex, weight } = problem;
  const left = Int32Array.from(flow);
  const next = rowStart.slice(0, problem.sources);
  const assignment = new Array<number | null>(rows);
  const loads = new Array<number>(problem.sinks).fill(0);
  let objective = 0;
  for (let i = 0; i < rows; i++) {
    const s = sourceOf[i]!;
    while (left[next[s]!] === 0) next[s]!++;
    const p = next[s]!;
    left[p]!--;
    assignment[i] = colIndex[p]!;
    loads[colIndex[p]!]!++;
    objective += weight[p]!;
  }
  return optimal(assignment, loads, objective, Array.from(sourceOf, (s) => sourceDual[s]!), Array.from(sinkDual));
}

/**
 * The coachees' assignment of places shipped to kinds (coaches the sources, kinds the sinks):
 * each kind's coachees, in row order, take the places it got in coach order, the rest unmatched.
 * Duals as the places' solve gives them (see solveByPlaces): a coachee its kind's, a coach its
 * own, both shifted so that coach duals are at least 0.
 */
function placesResult(kinds: CoacheeKinds, problem: TransportationProblem, flow: Int32Array, coachDual: Float64Array, kindDual: Float64Array): AssignmentResult {
  const { sources: cols, sinks: count } = problem;
  const rows = kinds.kindOf.length;
  // Per kind, its places in coach order.
  const placesOf: number[][] = Array.from({ length: count }, () => []);
  for (let j = 0; j < cols; j++) {
    for (let p = problem.rowStart[j]!; p < problem.rowStart[j + 1]!; p++) for (let u = 0; u < flow[p]!; u++) placesOf[problem.colIndex[p]!]!.push(j);
  }
  const taken = new Int32Array(count);
  const assignment = new Array<number | null>(rows).fill(null);
  const loads = new Array<number>(cols).fill(0);
  let objective = 0;
  for (let i = 0; i < rows; i++) {
    const g = kinds.kindOf[i]!;
    const j = placesOf[g]![taken[g]!];
    if (j === undefined) continue;
    taken[g]!++;
    assignment[i] = j;
    loads[j]!++;
    objective += problem.weight[j * count + g]!;
  }
  const shift = placesShift(coachDual);
  return optimal(assignment, loads, objective, Array.from(kinds.kindOf, (g) => kindDual[g]! + shift), Array.from(coachDual, (a) => a - shift));
}

/**
 * What duals of a problem whose coaches ship every place are shifted by (coachees' up, coaches'
 * down) so that no coach dual is below 0: every place is filled, so any shift keeps them duals.
 */
export function placesShift(coachDual: ArrayLike<number>): number {
  let shift = 0;
  for (let j = 0; j < coachDual.length; j++) shift = Math.min(shift, coachDual[j]!);
  return shift;
}

/** An optimal result of these rows' columns (null: unmatched), with duals in the max sense (−0 written as 0). */
export function optimal(assignment: (number | null)[], loads: number[], objective: number, row: number[], col: number[]): AssignmentResult {
  const matched = assignment.reduce((n: number, j) => n + (j === null ? 0 : 1), 0);
  return { status: 'optimal', method: 'flow', objective, assignment, loads, matched, duals: { row: row.map((y) => y + 0), col: col.map((v) => v + 0) } };
}
