import { pairRoom, type PairRoom } from '../memory/roundBuffers.js';
import { byColumn } from '../solver/byColumn.js';
import type { AssignmentResult, CompressedPairs, SolverMethod, WarmStart } from '../solver/types.js';
import { normalizeProblem } from '../solver/normalizeProblem.js';
import { solveNormalized } from '../solver/solveAssignment.js';
import { checkWarmStart } from '../solver/warmStart.js';
import { SolveWorkspace } from '../solver/solveWorkspace.js';
import { laterTwinShare, twinRows } from '../solver/twinRows.js';

/** What {@link solveByPlaces} filled when the candidates cannot fill every place (coachee orientation). */
export interface UnfilledPlaces {
  readonly status: 'unfilled';
  /** Coach of each coachee, or null. */
  readonly assignment: readonly (number | null)[];
  readonly loads: readonly number[];
}

/** Buffers a caller keeps from one places' solve to the next: the places' pairs, and the solver's workspace. */
export interface PlacesRoom {
  readonly workspace: SolveWorkspace;
  readonly pairs: PairRoom;
}

/** A {@link PlacesRoom}, around the given solver workspace (a new one by default). */
export function newPlacesRoom(workspace = new SolveWorkspace()): PlacesRoom {
  return { workspace, pairs: pairRoom(1) };
}

/** How {@link solveByPlaces} may start a cold solve. */
export interface PlacesOptions {
  /**
   * Whether the solver's auction start may run however many coachees a place lists (see
   * FlowTuning.auctionMaxDegree: 128 by default, and every place lists all its coach's
   * candidates, ~500 at 40,000 × 4,000). On bench/LARGE.md's 40k-scarce the first solve took
   * 3.5–3.7 s against 6.0 s without (10k-scarce: 0.47–0.56 s either way); on its
   * 20k-fewkinds (coachees of 15 kinds, ties everywhere) every cold solve took 2–10 times
   * as long, 29 s in all against 10 s. Hence only for cohorts without exact twins.
   */
  readonly auctionAnyDegree?: boolean;
}

/**
 * Solves a programme with fewer places than coachees "by places": each coach's places become
 * rows that must all be filled, each coachee a column of capacity 1 (coachees alike on the
 * candidates share one column, see {@link alikeCoachees}). The same problem when the
 * optimum fills every place, but the solver's searches then end at any coachee still free
 * instead of rescanning every unplaced coachee (the "unmatched" column's members), which is
 * what makes scarce programmes slow in the coachee orientation.
 *
 * Returns the result in the coachee orientation, with duals for the certificate (row + col
 * sums equal the places' solve's); when the candidates cannot fill every place, the places
 * the solver did fill, in the coachee orientation (`unfilled`), so that the caller can join
 * the coachees left out to the coaches with places left. `warm`, the `placesStart` of an
 * earlier solve of these places, lets the solver mend that solution instead of starting over.
 * `room`, kept from solve to solve, holds the largest arrays (see RoundBuffers).
 */
export function solveByPlaces(
  rows: number,
  cols: number,
  pairs: CompressedPairs,
  capacity: Int32Array,
  method: SolverMethod,
  warm?: WarmStart,
  room: PlacesRoom = newPlacesRoom(),
  options: PlacesOptions = {},
): (Extract<AssignmentResult, { status: 'optimal' }> & { readonly placesStart: WarmStart }) | UnfilledPlaces {
  const { workspace } = room;
  const alike = alikeCoachees(rows, pairs);
  // Per coach, its candidates (a column each: a coachee, or alike coachees together) and their
  // weights, ascending, in the workspace's column buffers: done with before the solve needs those.
  const { colStart: coachStart, row: listed, value: weightOf } = byColumn(rows, cols, pairs.rowStart, pairs.colIndex, pairs.weight, alike?.first ?? null, workspace.columnRoom);
  if (alike !== null) for (let q = 0; q < coachStart[cols]!; q++) listed[q] = alike.columnOf[listed[q]!]!;
  // One row per place.
  const placeCoach: number[] = [];
  for (let j = 0; j < cols; j++) for (let p = 0; p < capacity[j]!; p++) placeCoach.push(j);
  const places = placeCoach.length;
  const rowStart = new Int32Array(places + 1);
  for (let p = 0; p < places; p++) {
    const j = placeCoach[p]!;
    rowStart[p + 1] = rowStart[p]! + coachStart[j + 1]! - coachStart[j]!;
  }
  // Every entry is written below: each place's row is its coach's whole list, at costs (minus
  // the weights) solved in the min sense, which the solver reads as they are instead of
  // holding a negated copy (24.6 million pairs, 197 MB, at 100,000 × 10,000 with 49,859 places).
  const colIndex = room.pairs.columns(rowStart[places]!);
  const cost = room.pairs.weights(rowStart[places]!);
  for (let p = 0; p < places; p++) {
    const j = placeCoach[p]!;
    const at = rowStart[p]! - coachStart[j]!;
    colIndex.set(listed.subarray(coachStart[j]!, coachStart[j + 1]!), rowStart[p]!);
    for (let q = coachStart[j]!; q < coachStart[j + 1]!; q++) cost[at + q] = -weightOf[q]!;
  }
  // Its own solution is the start as it is, however many places moved: a moved place leaves a
  // coachee free, cheap to settle. Through the auction (see FlowTuning.rebidShare), a 40,000 ×
  // 4,000 scarce cohort took 35 s and a round more, against 23 s.
  const columns = alike?.first.length ?? rows;
  const problem = normalizeProblem({ rows: places, cols: columns, compressed: { rowStart, colIndex, weight: cost }, sense: 'min', allowUnmatched: false, ...(alike === null ? {} : { capacity: alike.size }) }, workspace);
  const start = warm === undefined || alike === null ? warm : alikeStart(warm, alike);
  if (start !== undefined) checkWarmStart(problem, start);
  // Alike coachees joined make short lists, which would let the auction start run: with ties
  // everywhere it runs long (as with twins by any degree, see PlacesOptions). large-20k-fewkinds
  // (bench/LARGE.md's shape, alternated with the coachees apart): 7.7 s against 10.4–10.7 s
  // without the auction, 10.8–11.3 s with it (solves 1.6 s, 4.2–4.3 s, 6.1–6.3 s).
  const solved = solveNormalized(problem, method, start, { rebidShare: Infinity, ...(options.auctionAnyDegree === true ? { auctionMaxDegree: Infinity } : {}), ...(alike === null ? {} : { auctionMinRows: Infinity }) }, workspace);
  // The coachee of each place: alike coachees take their column's places in order, lowest row first.
  const placeCoachee = alike === null ? solved.assignment : alike.spread(solved.assignment);
  const assignment = new Array<number | null>(rows).fill(null);
  const loads = new Array<number>(cols).fill(0);
  placeCoachee.forEach((i, p) => {
    if (i === null) return;
    assignment[i] = placeCoach[p]!;
    loads[placeCoach[p]!]!++;
  });
  if (solved.status !== 'optimal') return { status: 'unfilled', assignment, loads };

  // Duals, turned to the max sense (minus the min sense's): a coachee keeps its column's dual;
  // a coach takes the least dual of its places (all equal at an optimum where every place is
  // filled); a common shift keeps coach duals ≥ 0.
  const costDual = alike === null ? solved.duals.col : Array.from({ length: rows }, (_, i) => solved.duals.col[alike.columnOf[i]!]!);
  const coacheeDual = costDual.map((v) => 0 - v);
  const coachDual = new Array<number>(cols).fill(Infinity);
  for (let p = 0; p < places; p++) coachDual[placeCoach[p]!] = Math.min(coachDual[placeCoach[p]!]!, 0 - solved.duals.row[p]!);
  let shift = 0;
  for (let j = 0; j < cols; j++) {
    if (coachDual[j] === Infinity) coachDual[j] = 0;
    shift = Math.min(shift, coachDual[j]!);
  }
  return {
    status: 'optimal',
    method: solved.method,
    objective: 0 - solved.objective,
    assignment,
    loads,
    matched: places,
    duals: { row: coacheeDual.map((y) => y + shift), col: coachDual.map((v) => v - shift) },
    // In coachees, not columns: the next round may find other coachees alike. In the places
    // solve's own sense (min), as it takes them back.
    placesStart: { assignment: placeCoachee, colDual: costDual },
  };
}

/**
 * Coachees whose candidates and weights are all the same (exact twins sharing one list, say):
 * one column of as many places as there are of them, so a coach's place lists them once, not
 * each. The optimum is the same (any filling of a column's places is a filling of its
 * coachees', and back), and so are the duals: alike coachees have the same constraints, so
 * each takes its column's dual. 20,000 × 3,000 of 15 kinds, places scarce: 6,237–6,678
 * columns for 20,000 coachees, a third of the pairs.
 */
interface AlikeCoachees {
  /** Per column, its first coachee, ascending: the columns' order. */
  readonly first: Int32Array;
  /** Per column, how many coachees it holds. */
  readonly size: number[];
  /** Per coachee, its column. */
  readonly columnOf: Int32Array;
  /** The coachee of each place, given the column of each (see {@link alikeCoachees}). */
  spread(columnOfPlace: readonly (number | null)[]): (number | null)[];
}

/**
 * Share of the coachees that must be alike (rows less columns) for {@link alikeCoachees} to join
 * them: with few alike the pairs hardly shrink, and the solve would lose its auction start (see
 * solveByPlaces). Not tuned.
 */
const ALIKE_SHARE = 0.1;

/** The columns of alike coachees, or null when fewer than ALIKE_SHARE of them are alike. */
function alikeCoachees(rows: number, pairs: CompressedPairs): AlikeCoachees | null {
  const twin = twinRows({ rows, rowStart: pairs.rowStart, colIndex: pairs.colIndex, cost: pairs.weight });
  if (twin === null || laterTwinShare(twin) < ALIKE_SHARE) return null;
  const columnOf = new Int32Array(rows);
  const firsts: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (twin[i] === i) {
      columnOf[i] = firsts.length;
      firsts.push(i);
      size.push(0);
    } else columnOf[i] = columnOf[twin[i]!]!;
    size[columnOf[i]!]!++;
  }
  // Each column's coachees, ascending.
  const memberStart = new Int32Array(firsts.length + 1);
  for (let c = 0; c < firsts.length; c++) memberStart[c + 1] = memberStart[c]! + size[c]!;
  const members = new Int32Array(rows);
  const fill = memberStart.slice(0, firsts.length);
  for (let i = 0; i < rows; i++) members[fill[columnOf[i]!]!++] = i;
  return {
    first: Int32Array.from(firsts),
    size,
    columnOf,
    spread(columnOfPlace) {
      const next = memberStart.slice(0, firsts.length);
      return columnOfPlace.map((c) => (c === null ? null : members[next[c]!++]!));
    },
  };
}

/** A start given in coachees (an earlier solve's placesStart) in the columns of `alike`: each place on its coachee's column, each column with its first coachee's dual. */
function alikeStart(warm: WarmStart, alike: AlikeCoachees): WarmStart {
  return {
    assignment: warm.assignment.map((i) => (i === null ? null : alike.columnOf[i]!)),
    colDual: Array.from(alike.first, (i) => warm.colDual[i]!),
  };
}
