import { pairRoom, type PairRoom } from '../memory/roundBuffers.js';
import { byColumn } from '../solver/byColumn.js';
import type { AssignmentResult, CompressedPairs, SolverMethod, WarmStart } from '../solver/types.js';
import { normalizeProblem } from '../solver/normalizeProblem.js';
import { solveNormalized } from '../solver/solveAssignment.js';
import { checkWarmStart } from '../solver/warmStart.js';
import { SolveWorkspace } from '../solver/solveWorkspace.js';

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
 * rows that must all be filled, each coachee a column of capacity 1. The same problem when the
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
  // Per coach, its candidate coachees and weights (ascending coachee, as the rows come), in
  // the workspace's column buffers: done with before the solve needs those.
  const { colStart: coachStart, row: coachee, value: weightOf } = byColumn(rows, cols, pairs.rowStart, pairs.colIndex, pairs.weight, null, workspace.columnRoom);
  // One row per place.
  const placeCoach: number[] = [];
  for (let j = 0; j < cols; j++) for (let p = 0; p < capacity[j]!; p++) placeCoach.push(j);
  const places = placeCoach.length;
  const rowStart = new Int32Array(places + 1);
  for (let p = 0; p < places; p++) {
    const j = placeCoach[p]!;
    rowStart[p + 1] = rowStart[p]! + coachStart[j + 1]! - coachStart[j]!;
  }
  // Every entry is written below: each place's row is its coach's whole list.
  const colIndex = room.pairs.columns(rowStart[places]!);
  const weight = room.pairs.weights(rowStart[places]!);
  for (let p = 0; p < places; p++) {
    const j = placeCoach[p]!;
    colIndex.set(coachee.subarray(coachStart[j]!, coachStart[j + 1]!), rowStart[p]!);
    weight.set(weightOf.subarray(coachStart[j]!, coachStart[j + 1]!), rowStart[p]!);
  }
  // Its own solution is the start as it is, however many places moved: a moved place leaves a
  // coachee free, cheap to settle. Through the auction (see FlowTuning.rebidShare), a 40,000 ×
  // 4,000 scarce cohort took 35 s and a round more, against 23 s.
  const problem = normalizeProblem({ rows: places, cols: rows, compressed: { rowStart, colIndex, weight }, sense: 'max', allowUnmatched: false }, workspace);
  if (warm !== undefined) checkWarmStart(problem, warm);
  const solved = solveNormalized(problem, method, warm, { rebidShare: Infinity, ...(options.auctionAnyDegree === true ? { auctionMaxDegree: Infinity } : {}) }, workspace);
  if (solved.status !== 'optimal') {
    const assignment = new Array<number | null>(rows).fill(null);
    const loads = new Array<number>(cols).fill(0);
    solved.assignment.forEach((i, p) => {
      if (i === null) return;
      assignment[i] = placeCoach[p]!;
      loads[placeCoach[p]!]!++;
    });
    return { status: 'unfilled', assignment, loads };
  }

  const assignment = new Array<number | null>(rows).fill(null);
  const loads = new Array<number>(cols).fill(0);
  solved.assignment.forEach((i, p) => {
    const j = placeCoach[p]!;
    assignment[i!] = j;
    loads[j]!++;
  });
  // Duals: a coachee keeps its column dual; a coach takes the least dual of its places (all
  // equal at an optimum where every place is filled); a common shift keeps coach duals ≥ 0.
  const coachDual = new Array<number>(cols).fill(Infinity);
  for (let p = 0; p < places; p++) coachDual[placeCoach[p]!] = Math.min(coachDual[placeCoach[p]!]!, solved.duals.row[p]!);
  let shift = 0;
  for (let j = 0; j < cols; j++) {
    if (coachDual[j] === Infinity) coachDual[j] = 0;
    shift = Math.min(shift, coachDual[j]!);
  }
  return {
    status: 'optimal',
    method: solved.method,
    objective: solved.objective,
    assignment,
    loads,
    matched: places,
    duals: { row: solved.duals.col.map((y) => y + shift), col: coachDual.map((v) => v - shift) },
    placesStart: { assignment: solved.assignment, colDual: solved.duals.col },
  };
}
