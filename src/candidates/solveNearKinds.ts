import { dualAllowance, solveTransportation, transportationProven, transportationUnit, type TransportationProblem } from '../solver/transportation.js';
import type { AssignmentResult } from '../solver/types.js';
import { hasException, type KindExceptions } from './kindExceptions.js';
import type { RecordKinds } from './recordKinds.js';
import { optimal, placesShift, READS_PER_PAIR } from './solveKinds.js';
import { kindPlaces } from './kindPlaces.js';

/** Coaches of its kind's best a lone coachee is first given, besides its exceptions. */
const FIRST_GENERIC = 16;
/** Most pairs a lone coachee gains from one certificate: its most violating. */
const ADDED_PER_ROW = 16;
/** Most pairs lone coachees may hold when each is given every coach (after an unshippable solve). */
const FULL_LISTS_PAIRS = 2_000_000;
/** Solves after which the match by kinds gives up (the candidate rounds then take over). */
const MOST_SOLVES = 30;

/** What {@link solveNearKinds} needs: the kinds, each kind's weight at every coach, the exceptions, the coaches' places. */
export interface NearKindsProblem {
  readonly kinds: RecordKinds;
  /** Row-major kinds × coaches: each kind's plain coachees' solver weight (NaN when banned). */
  readonly generic: Float64Array;
  readonly exceptions: KindExceptions;
  readonly capacity: Int32Array;
  /** Per coach, the fewest coachees it must take (met by every place filled when places are fewer than coachees). */
  readonly minLoad: Int32Array;
}

/** An optimal assignment of every coachee, and how it was reached. */
export interface NearKindsSolution {
  readonly result: AssignmentResult;
  /** Coachees solved one by one (an exception above their kind's weight the duals did not cover, or no place left for them in their pool's share). */
  readonly lone: number;
  readonly solves: number;
  /** Pairs of the last problem solved. */
  readonly pairs: number;
  /** Pairs added before each solve after the first: the lists of coachees turned lone and what certificates added. */
  readonly addedPerRound: number[];
}

/**
 * Places every coachee (with room for all), or fills every place (with fewer places than
 * coachees, who may then stay unmatched: coaches ship places, see solveEitherWay), at the
 * highest total weight, where each coachee weighs what its kind does at every coach outside its
 * exceptions. A kind's coachees
 * are pooled: one source with the kind's weights at every coach, as many units as coachees.
 * Those whose exceptions only lower or ban pairs lose nothing by that (the pool's weights bound
 * theirs); one with an exception above its kind's weight (a preferred or current coach) stays
 * pooled while the duals cover that pair, and turns lone from the first solve whose duals do
 * not: a source of its own, on its exceptions and the kind's best coaches by weight less dual,
 * widened by a certificate (every other coach weighs the kind's weight, which the duals must
 * cover: checked down the kind's coaches in that order). Once the solve is proven
 * (transportationProven, the certificate, every pooled exception covered), each pool's places go
 * to its coachees (see kindPlaces): the pooled bound is then reached, so the assignment is
 * optimal, with the solve's duals (which cover every pair of the full problem). A pooled
 * coachee left no place outside its exceptions turns lone too. An unshippable solve (perhaps
 * only as written) gives every coachee with a bonus, and every lone one, every coach, once.
 * Null when it cannot be settled so: a coachee with no allowed coach, a solve past its budget
 * or still unshippable, a failed proof, or more than MOST_SOLVES solves.
 */
export function solveNearKinds(problem: NearKindsProblem): NearKindsSolution | null {
  const { kinds, generic, exceptions, capacity } = problem;
  const rows = kinds.kindOf.length;
  const cols = capacity.length;
  const { rowStart: exStart, colIndex: exCol, weight: exWeight } = exceptions;
  const genericAt = (i: number, j: number) => generic[kinds.kindOf[i]! * cols + j]!;
  if (!everyRowPlaceable(problem)) return null;
  // With fewer places than coachees, coaches ship their places to the kinds and lone coachees.
  const byPlaces = capacity.reduce((a, b) => a + b, 0) < rows;
  // Coachees with an exception above their kind's weight (a banned kind pair counts as −∞):
  // pooled while the duals cover those pairs, lone from the first solve whose duals do not.
  const bonusRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let p = exStart[i]!; p < exStart[i + 1]!; p++) {
      const kindWeight = genericAt(i, exCol[p]!);
      if (exWeight[p]! > (Number.isNaN(kindWeight) ? -Infinity : kindWeight)) {
        bonusRows.push(i);
        break;
      }
    }
  }
  const lone = new Uint8Array(rows);
  // Per lone coachee, the kind's coaches it is given (ascending), besides its exceptions.
  const given = new Map<number, number[]>();
  const addedPerRound: number[] = [];
  for (let solves = 1; solves <= MOST_SOLVES; solves++) {
    const built = buildProblem(problem, lone, given);
    const solved = solveEitherWay(built.problem, byPlaces);
    if (solved === null) return null;
    if (solved.status === 'unshippable') {
      // Perhaps only as written: a coachee's bonus left out of its pool, or a lone one's short
      // list (which may also leave a coach short of its minimum load). Every such coachee is
      // then solved alone on every coach, once.
      const widened = widenAll(problem, lone, given, bonusRows);
      if (widened === 0) return null;
      addedPerRound.push(widened);
      continue;
    }
    const { sourceDual, sinkDual } = solved;
    // Per kind, its coaches by weight less dual, best first: what a coachee of the kind would take.
    const orders = new Map<number, Int32Array>();
    const orderOf = (g: number) => orders.get(g) ?? orders.set(g, orderedColumns(generic, g, cols, sinkDual)).get(g)!;
    const turnLone = (i: number) => {
      lone[i] = 1;
      given.set(i, firstGeneric(orderOf(kinds.kindOf[i]!), (j) => hasException(exceptions, i, j)));
      return given.get(i)!.length + exStart[i + 1]! - exStart[i]!;
    };
    const unit = transportationUnit(built.problem);
    let added = certify(problem, built, sourceDual, sinkDual, given, orderOf, unit);
    for (const i of bonusRows) {
      if (lone[i] === 1) continue;
      const u = sourceDual[built.sourceOf(i)]!;
      for (let p = exStart[i]!; p < exStart[i + 1]!; p++) {
        const w = exWeight[p]!;
        const v = sinkDual[exCol[p]!]!;
        if (u + v - w < -dualAllowance(u, v, w, unit)) {
          added += turnLone(i);
          break;
        }
      }
    }
    if (added > 0) {
      addedPerRound.push(added);
      continue;
    }
    const placed = kindPlaces(problem, built, solved.flow, lone);
    if (placed.stranded.length > 0) {
      // Pooled coachees whose exceptions cover every place their pool got: solved alone.
      addedPerRound.push(placed.stranded.reduce((n, i) => n + turnLone(i), 0));
      continue;
    }
    const { assignment } = placed;
    const loads = new Array<number>(cols).fill(0);
    let objective = 0;
    let magnitude = 0;
    for (let i = 0; i < rows; i++) {
      const j = assignment[i]!;
      if (j < 0) continue;
      const w = lone[i] === 1 ? built.weightOf(i, j) : genericAt(i, j);
      loads[j]!++;
      objective += w;
      magnitude += Math.abs(w);
    }
    // The pooled bound is reached only if every coachee weighs what its pair in the solve did.
    if (!(Math.abs(objective - solved.objective) <= 1e-9 * (unit + magnitude))) return null;
    // With places short coach duals may fall below 0: shifted as a match by kinds' places are.
    const shift = byPlaces ? placesShift(sinkDual) : 0;
    const rowDual = Array.from({ length: rows }, (_, i) => sourceDual[built.sourceOf(i)]! + shift);
    const colDual = Array.from(sinkDual, (v) => v - shift);
    const lonely = lone.reduce((n, x) => n + x, 0);
    return { result: optimal(Array.from(assignment, (j) => (j < 0 ? null : j)), loads, objective, rowDual, colDual), lone: lonely, solves, pairs: built.problem.colIndex.length, addedPerRound };
  }
  return null;
}

/**
 * Turns every coachee with a bonus lone and gives every lone coachee each coach of allowed kind
 * weight; returns the pairs added (0: nothing to widen, or more than FULL_LISTS_PAIRS would be
 * given).
 */
function widenAll({ kinds, generic, exceptions, capacity }: NearKindsProblem, lone: Uint8Array, given: Map<number, number[]>, bonusRows: readonly number[]): number {
  const cols = capacity.length;
  const widen = [...given.keys(), ...bonusRows.filter((i) => lone[i] === 0)];
  if (widen.length * cols > FULL_LISTS_PAIRS) return 0;
  let added = 0;
  for (const i of widen) {
    const g = kinds.kindOf[i]!;
    const every: number[] = [];
    for (let j = 0; j < cols; j++) if (!Number.isNaN(generic[g * cols + j]!) && !hasException(exceptions, i, j)) every.push(j);
    // A pooled coachee brings its exceptions too; a lone one already holds them.
    const held = lone[i] === 1 ? given.get(i)!.length : -(exceptions.rowStart[i + 1]! - exceptions.rowStart[i]!);
    if (every.length === held) continue;
    added += every.length - held;
    lone[i] = 1;
    given.set(i, every);
  }
  return added;
}

/**
 * Whether every coachee has an allowed coach with a place, as its kind and exceptions weigh it
 * (or no coach has a place). A coachee without one is either not to be placed at all, or the
 * full problem would waive its bans (see combinePolicies), which its kind's weights do not
 * show: either way not for this path, even where coachees may stay unmatched.
 */
export function everyRowPlaceable({ kinds, generic, exceptions, capacity }: NearKindsProblem): boolean {
  const cols = capacity.length;
  // Without a single place nobody is placed, and no ban is waived: nothing to check.
  if (capacity.every((c) => c === 0)) return true;
  const open = new Int32Array(kinds.size.length);
  for (let g = 0; g < open.length; g++) for (let j = 0; j < cols; j++) if (capacity[j]! > 0 && !Number.isNaN(generic[g * cols + j]!)) open[g]!++;
  for (let i = 0; i < kinds.kindOf.length; i++) {
    const g = kinds.kindOf[i]!;
    let allowed = open[g]!;
    for (let p = exceptions.rowStart[i]!; p < exceptions.rowStart[i + 1]!; p++) {
      const j = exceptions.colIndex[p]!;
      if (capacity[j] === 0) continue;
      allowed += (Number.isNaN(exceptions.weight[p]!) ? 0 : 1) - (Number.isNaN(generic[g * cols + j]!) ? 0 : 1);
    }
    if (allowed <= 0) return false;
  }
  return true;
}

/** Kind g's coaches of allowed weight, by weight less `dual` (descending; ties to the lower coach): those it would take first. */
function orderedColumns(generic: Float64Array, g: number, cols: number, dual: Float64Array): Int32Array {
  const allowed: number[] = [];
  for (let j = 0; j < cols; j++) if (!Number.isNaN(generic[g * cols + j]!)) allowed.push(j);
  const value = (j: number) => generic[g * cols + j]! - dual[j]!;
  return Int32Array.from(allowed.sort((a, b) => value(b) - value(a) || a - b));
}

/** The first FIRST_GENERIC of `best` that are not exceptions, ascending. */
function firstGeneric(best: Int32Array, isException: (j: number) => boolean): number[] {
  const out: number[] = [];
  for (let q = 0; q < best.length && out.length < FIRST_GENERIC; q++) if (!isException(best[q]!)) out.push(best[q]!);
  return out.sort((a, b) => a - b);
}

/** A round's transportation problem: a source per kind with pooled coachees (in kind order), then one per lone coachee (in row order). */
export interface BuiltProblem {
  readonly problem: TransportationProblem;
  /** The source of a pooled kind (−1 when none), and of each coachee. */
  readonly poolSource: Int32Array;
  sourceOf(i: number): number;
  /** A lone coachee's weight at coach j, as its pair in the problem. */
  weightOf(i: number, j: number): number;
  /** The lone coachees, in row order. */
  readonly loneRows: Int32Array;
}

function buildProblem({ kinds, generic, exceptions, capacity, minLoad }: NearKindsProblem, lone: Uint8Array, given: ReadonlyMap<number, number[]>): BuiltProblem {
  const rows = kinds.kindOf.length;
  const cols = capacity.length;
  const count = kinds.size.length;
  const pooled = new Int32Array(count);
  const loneList: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (lone[i] === 1) loneList.push(i);
    else pooled[kinds.kindOf[i]!]!++;
  }
  const poolSource = new Int32Array(count).fill(-1);
  let pools = 0;
  for (let g = 0; g < count; g++) if (pooled[g]! > 0) poolSource[g] = pools++;
  const loneRows = Int32Array.from(loneList);
  const loneSource = new Map<number, number>();
  loneList.forEach((i, q) => loneSource.set(i, pools + q));
  const sources = pools + loneList.length;
  const supply = new Int32Array(sources).fill(1);
  const rowStart = new Int32Array(sources + 1);
  for (let g = 0; g < count; g++) {
    if (poolSource[g]! < 0) continue;
    supply[poolSource[g]!] = pooled[g]!;
    rowStart[poolSource[g]! + 1] = cols;
  }
  // Per lone coachee, its pairs: the kind's coaches it is given and its exceptions, merged.
  const lonePairs = loneList.map((i) => mergedPairs(given.get(i)!, exceptions, i));
  lonePairs.forEach((pairs, q) => (rowStart[pools + q + 1] = pairs.length));
  for (let s = 0; s < sources; s++) rowStart[s + 1]! += rowStart[s]!;
  const colIndex = new Int32Array(rowStart[sources]!);
  const weight = new Float64Array(colIndex.length);
  for (let g = 0; g < count; g++) {
    const s = poolSource[g]!;
    if (s < 0) continue;
    for (let j = 0; j < cols; j++) {
      colIndex[rowStart[s]! + j] = j;
      weight[rowStart[s]! + j] = generic[g * cols + j]!;
    }
  }
  lonePairs.forEach((pairs, q) => {
    const i = loneList[q]!;
    const at = rowStart[pools + q]!;
    pairs.forEach(({ col, exception }, n) => {
      colIndex[at + n] = col;
      weight[at + n] = exception >= 0 ? exceptions.weight[exception]! : generic[kinds.kindOf[i]! * cols + col]!;
    });
  });
  const problem: TransportationProblem = { sources, sinks: cols, supply, capacity, rowStart, colIndex, weight, minLoad };
  return {
    problem,
    poolSource,
    loneRows,
    sourceOf: (i) => loneSource.get(i) ?? poolSource[kinds.kindOf[i]!]!,
    weightOf(i, j) {
      const s = loneSource.get(i)!;
      for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) if (colIndex[p] === j) return weight[p]!;
      return Number.NaN;
    },
  };
}

/** A lone coachee's coaches: those given (ascending) and its exceptions (ascending, by their index), merged in column order. */
function mergedPairs(givenCols: readonly number[], exceptions: KindExceptions, i: number): { col: number; exception: number }[] {
  const out: { col: number; exception: number }[] = [];
  let p = exceptions.rowStart[i]!;
  const end = exceptions.rowStart[i + 1]!;
  for (const j of givenCols) {
    while (p < end && exceptions.colIndex[p]! < j) out.push({ col: exceptions.colIndex[p]!, exception: p++ });
    out.push({ col: j, exception: -1 });
  }
  while (p < end) out.push({ col: exceptions.colIndex[p]!, exception: p++ });
  return out;
}

/**
 * The certificate of the lone coachees' missing pairs, each weighing its kind's weight: a pair
 * of kind weight above the coachee's and coach's duals (beyond the proof's rounding allowance)
 * would improve the total. Adds to each lone coachee up to ADDED_PER_ROW such coaches, most
 * violating first; returns how many were added (0: proven).
 */
function certify({ kinds, generic, exceptions, capacity }: NearKindsProblem, built: BuiltProblem, sourceDual: Float64Array, sinkDual: Float64Array, given: Map<number, number[]>, orderOf: (g: number) => Int32Array, unit: number): number {
  const cols = capacity.length;
  let added = 0;
  for (const i of built.loneRows) {
    const g = kinds.kindOf[i]!;
    const u = sourceDual[built.sourceOf(i)]!;
    const mine = given.get(i)!;
    const have = new Set(mine);
    let more = 0;
    for (const j of orderOf(g)) {
      const w = generic[g * cols + j]!;
      const slack = u + sinkDual[j]! - w;
      // Down the order the kind's weight less dual only falls: no violation beyond.
      if (slack >= 0) break;
      if (have.has(j) || hasException(exceptions, i, j)) continue;
      if (slack >= -dualAllowance(u, sinkDual[j]!, w, unit)) continue;
      mine.push(j);
      if (++more === ADDED_PER_ROW) break;
    }
    if (more > 0) {
      mine.sort((a, b) => a - b);
      added += more;
    }
  }
  return added;
}

/** A proven solve of a built problem, its flow and duals per source (kinds and lone coachees) and per coach; or that it could not ship every unit or meet every minimum load as written. */
type SolvedNear = { status: 'optimal'; flow: Int32Array; sourceDual: Float64Array; sinkDual: Float64Array; objective: number } | { status: 'unshippable' };

/**
 * Solves a built problem as written (its sources ship to the coaches) or, `byPlaces`, the other
 * way round (the coaches ship every place, each source takes at most its units), and proves it
 * (transportationProven); the flow and duals come back as the problem is written. Null when the
 * solve runs past its budget or its proof fails.
 */
function solveEitherWay(problem: TransportationProblem, byPlaces: boolean): SolvedNear | null {
  const written = byPlaces ? transposed(problem) : { problem, arcOf: null };
  const solved = solveTransportation(written.problem, READS_PER_PAIR * problem.colIndex.length);
  if (solved.status === 'unshippable' || solved.status === 'unfillable') return { status: 'unshippable' };
  if (solved.status !== 'optimal' || !transportationProven(written.problem, solved.flow, solved.sourceDual, solved.sinkDual)) return null;
  if (written.arcOf === null) return solved;
  const flow = new Int32Array(problem.colIndex.length);
  written.arcOf.forEach((arc, t) => (flow[arc] = solved.flow[t]!));
  return { status: 'optimal', flow, sourceDual: solved.sinkDual, sinkDual: solved.sourceDual, objective: solved.objective };
}

/**
 * The problem with sources and sinks swapped (each sink's pairs in source order), and per pair
 * of it the pair of `problem` it is. Every place is then shipped, so the minimum loads are met
 * and left out.
 */
function transposed(problem: TransportationProblem): { problem: TransportationProblem; arcOf: Int32Array } {
  const { sources, sinks, supply, capacity, rowStart, colIndex, weight } = problem;
  const start = new Int32Array(sinks + 1);
  for (const j of colIndex) start[j + 1]!++;
  for (let j = 0; j < sinks; j++) start[j + 1]! += start[j]!;
  const next = start.slice(0, sinks);
  const arcOf = new Int32Array(colIndex.length);
  const index = new Int32Array(colIndex.length);
  const weights = new Float64Array(colIndex.length);
  for (let s = 0; s < sources; s++) {
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) {
      const t = next[colIndex[p]!]!++;
      arcOf[t] = p;
      index[t] = s;
      weights[t] = weight[p]!;
    }
  }
  return { problem: { sources: sinks, sinks: sources, supply: capacity, capacity: supply, rowStart: start, colIndex: index, weight: weights }, arcOf };
}
