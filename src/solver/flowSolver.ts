import { ColumnMembers } from './columnMembers.js';
import { diagnoseMinLoads, diagnosePlacement } from './diagnose.js';
import { maxBMatching } from './maxBMatching.js';
import { MinHeap } from './minHeap.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import { auctionPrices, spareSchedule, tightSchedule } from './auctionPrices.js';
import { buildResult, infeasibleResult } from './buildResult.js';
import type { AssignmentResult, WarmStart } from './types.js';
import { twinRows } from './twinRows.js';
import { placeableAtMost, unmatchedStart, withUnmatchedColumn } from './unmatchedColumn.js';
import { applyWarmStart, internalStart, isBestPair, type InternalStart, VacancySearch } from './warmStart.js';
import type { SolveWorkspace } from './solveWorkspace.js';
import { roundingUnit } from './roundingUnit.js';

const NONE = -1;
/** `predRow[j]` value for a column reached backwards from the sink. */
const FROM_SINK = -2;

/** Performance knobs of {@link solveWithFlow}; they never change the optimum. */
export interface FlowTuning {
  /**
   * Bids per row the auction warm start may spend when every place will be filled; 0 turns
   * the warm start off.
   */
  readonly auctionBidsPerRow: number;
  /**
   * The warm start runs only on problems at least this tall with at most this many allowed
   * pairs per row on average: there late augmenting paths grow long and cheap bids pay;
   * on small or dense problems the bids cost more than the searches they save.
   */
  readonly auctionMinRows: number;
  readonly auctionMaxDegree: number;
  /**
   * Bids per row for the auction start of a problem with places to spare (same size limits);
   * 0 turns it off.
   */
  readonly spareBidsPerRow: number;
  /**
   * Share of the rows that a warm start must have off their best pair (see displacedRows) to
   * go through the auction, spare or filling (or, where none applies, to be dropped for a cold start);
   * Infinity: a warm start is always used as it is. See {@link REBID_SHARE}.
   */
  readonly rebidShare: number;
  /** Share of the rows off their best pair beyond which a warm start is dropped for a cold start (see {@link COLD_SHARE}). */
  readonly coldShare: number;
  /** {@link FlowTuning.coldShare} for problems that fill every place (see {@link FILLING_COLD_SHARE}). */
  readonly fillingColdShare: number;
  /** Rows a search may scan, while places are being given back, before it is deferred (see {@link DEFER_AFTER_ROWS}). */
  readonly deferAfterRows: number;
  /** Deferred searches, while places are being given back, from which the rest are deferred unsearched once they outnumber the rows placed (see {@link DEFER_REST_AFTER}). */
  readonly deferRestAfter: number;
}

/**
 * Share of the rows that a previous solution must have off their best pair (see
 * displacedRows) for it to go through the auction (see auctionPrices) rather than straight
 * to the searches, or, where no auction applies, to be dropped for a cold start. Each such
 * row leaves a place whose column is priced, and giving that place back is a backward search
 * as wide as the price (see VacancySearch). On the second round of the 100,000 × 10,000
 * candidate problem (9,959 pairs added, 5,825 rows off their best): 11.2 s straight, 2.1–2.3 s
 * through the auction, 2.9–3.4 s cold. The auction's phases cost about a second whatever the
 * start, where the previous solution with a handful of rows off took 0.3 s. Earlier, by pairs
 * added to a candidate round, straight against cold: at 100,000 × 10,000 2.2 / 2.9 s with
 * 500 pairs, 3.1 / 2.9 s with 1,000; at 40,000 × 4,000 0.3 / 0.9 s with 100, 0.7 / 0.9 s
 * with 400, 0.8 / 0.7 s with 800.
 */
const REBID_SHARE = 0.01;

/**
 * Share of the rows off their best pair (see displacedRows) beyond which a warm start is not
 * worth mending. The auction's last phases settle a few displaced rows cheaply, but many at a
 * fine ε turn into a price war: the second round of the 100,000 × 10,000 candidate problem
 * with k = 32 (246,701 pairs added, 56,761 rows off their best) took 25.8 s through the
 * auction's last 3 phases, 4.4 s through all 6, against 2.9 s cold. Where the auction paid,
 * 5.8% of the rows were off (k = 48, above); at 10,000 × 1,000 with 11% off it took 0.36–0.40 s
 * against 0.33–0.35 s cold.
 */
const COLD_SHARE = 0.1;

/**
 * {@link COLD_SHARE} for problems that fill every place, such as a cohort a few places short
 * of its coachees with its "unmatched" column (see withUnmatchedColumn). There the auction
 * gives prices only, and its full schedule took 565–740 ms of each ~0.65–0.95 s solve of
 * bench/LARGE.md's 40k-tight, whose later rounds start from the last with 7.8%, 18% and 66%
 * of the rows off their best. From the last prices through the auction's last phases
 * (alternated, 4 runs each): 723–813 → 586–646 ms at 7.8%, 674–715 → 385–424 ms at 18%; at
 * 66% (all rows let through), 3.8 s against 0.9 s cold.
 */
const FILLING_COLD_SHARE = 0.25;

/**
 * Bids per row of the auction start when every place will be filled (see FlowTuning). A
 * candidate round of a cohort a few places short of its coachees (bench/LARGE.md's 40k-tight:
 * 1.95 million pairs, 1,826 coachees left over, an "unmatched" column filling the rest) took
 * 6.0–7.0 s with 20 bids, most of it in searches the auction left; 1.8–2.3 s with 30, 1.9–2.4 s
 * with 50, 2.1–2.4 s with 75 to 200; its later cold rounds 1.7–1.9 s with 20 and 1.0–1.4 s with
 * 50. bench/RESULTS.md's filled cases (sparse 100k × 10k cap 10, capacitated 1000 × 100 × 10,
 * OR-Library assignp1500–5000) took the same with 20, 30, 50 or 100, within noise.
 */
const AUCTION_BIDS_PER_ROW = 50;

/**
 * While a warm start's places are being given back, a search that can reach the sink only
 * while it is full is deferred once the sink comes up: the row is searched again after the
 * places are settled. Coachees at priority 0 weigh every coach alike, and on such plateaus
 * those searches ran through thousands of rows first: the first candidate round of
 * bench/LARGE.md's 100k-priority0 spent 4.0–4.4 s in 702 of them (3.8 million rows), 0.2 s in
 * its 3,855 others (82,000 rows). Past this many rows such a search is deferred at once:
 * that round, solved alone, took 3.8–4.4 s with 500 (3.9 s with 200, 4.2 s with 2,000)
 * against 7.2–8.4 s. Rounds 1–3 of the 100k case, 40k-tight's second and 100k-priority0's
 * second took the same within noise with 200 and 1,000; whole matches of 100k and 40k-tight
 * with 500 kept their pairs, rounds and objectives.
 */
const DEFER_AFTER_ROWS = 500;

/**
 * While places are being given back, once this many searches have been deferred and they
 * outnumber the rows placed, the rows left are deferred without a search: the sink is full
 * until the places are settled, so their searches would mostly end deferred too, each after
 * up to DEFER_AFTER_ROWS rows. That is a places' solve mending the last round's solution
 * (see solveByPlaces): each place that lost its coachee leaves that coachee a vacancy. The
 * second round of bench/LARGE.md's 40k-scarce deferred 2,514 searches in 454 ms and placed 420
 * rows in 16 ms; with this rule that solve took 491 ms against 890 ms, and 100k-scarce's second
 * 2.6 s against 5.1 s (the flow solver alone), the same objectives and rounds. Solving by
 * coachees, 40k and 40k-tight never deferred the rest (counted), and 100k and 100k-minload
 * kept their rounds, pairs and objectives.
 */
const DEFER_REST_AFTER = 32;

/** Defaults for {@link FlowTuning}, measured on bench/RESULTS.md's cases (capacitated 1000 × 100 × 10, sparse 100k × 10k, OR-Library sparse) and bench/LARGE.md's candidate rounds. */
export const defaultFlowTuning: FlowTuning = { auctionBidsPerRow: AUCTION_BIDS_PER_ROW, auctionMinRows: 1_000, auctionMaxDegree: 128, spareBidsPerRow: 200, rebidShare: REBID_SHARE, coldShare: COLD_SHARE, fillingColdShare: FILLING_COLD_SHARE, deferAfterRows: DEFER_AFTER_ROWS, deferRestAfter: DEFER_REST_AFTER };

/**
 * Exact min-cost flow by successive shortest paths (Dijkstra on reduced costs), one
 * augmentation per row, working on column capacities directly.
 *
 * Network: each row supplies one unit; column j passes flow to the sink; column j must
 * receive `minLoad[j]` (a demand at j) and may pass up to `capacity[j] - minLoad[j]` more
 * to the sink, whose demand is `rows - Σ minLoad`. With `allowUnmatched`, when not every row
 * can be placed, the maximum number ν of placeable rows is found first and a zero-cost
 * "unmatched" column, open to every row with a pair, is added to the problem with a place for
 * each such row beyond ν, which makes "most rows, then best total" exact without a big-M.
 * Rows without a pair stay out of the flow.
 *
 * Potentials make all residual reduced costs non-negative; after each search only the
 * finalised nodes' potentials move (by `d(v) - D`), so one augmentation costs what its
 * search explored, as in Jonker–Volgenant.
 *
 * `warm`, a previous result of a related problem, only changes where the searches start
 * (see warmStart.ts); the result is exact whatever it holds.
 */
export function solveWithFlow(problem: NormalizedProblem, tuning: Partial<FlowTuning> = {}, warm?: WarmStart, workspace?: SolveWorkspace): AssignmentResult {
  const settings = { ...defaultFlowTuning, ...tuning };
  if (problem.allowUnmatched) return solveAllowingUnmatched(problem, settings, warm, workspace);
  const quick = quickInfeasibility(problem);
  if (quick !== null) return infeasibleResult(problem, 'flow', quick);
  const run = runFlow(problem, settings, warm === undefined ? undefined : internalStart(problem, warm), false, NONE, workspace);
  if (run.failedRows > 0 || run.unmetMinLoad > 0) {
    const diagnosis = diagnosePlacement(problem);
    if (run.unmetMinLoad > 0 || diagnosis.length === 0) diagnosis.push(...diagnoseMinLoads(problem, run.deficit));
    return infeasibleResult(problem, 'flow', diagnosis, run.rowCol);
  }
  return buildResult(problem, 'flow', run.rowCol, run.rowDual, run.colDual);
}

function quickInfeasibility(problem: NormalizedProblem) {
  const simple = diagnoseMinLoads(problem, null);
  if (simple.length > 0) return simple;
  let totalCapacity = 0;
  for (let j = 0; j < problem.cols; j++) totalCapacity += problem.capacity[j]!;
  if (totalCapacity >= problem.rows && problem.rowStart.every((s, i) => i === 0 || s > problem.rowStart[i - 1]!)) return null;
  return diagnosePlacement(problem);
}

function solveAllowingUnmatched(problem: NormalizedProblem, settings: FlowTuning, warm: WarmStart | undefined, workspace: SolveWorkspace | undefined): AssignmentResult {
  const simple = diagnoseMinLoads(problem, null);
  if (simple.length > 0) return infeasibleResult(problem, 'flow', simple);
  // Usually every row can be placed: try that first, and count the placeable rows (a
  // matching of its own, which can cost more than the solve) only when a row is not.
  const start = warm === undefined ? undefined : internalStart(problem, warm);
  let run = couldPlaceAll(problem) ? runFlow(problem, settings, start, true, NONE, workspace) : null;
  if (run === null || run.abandoned) {
    // Some row cannot be placed: the rest are solved with an "unmatched" column as one more
    // column of the problem, so every start the solver has still applies, the previous
    // solution included (see unmatchedStart). With the column handled apart from the
    // problem's, searches started cold: measured on a 20,000 × 2,000 problem with 9
    // unplaceable rows, 88 s against 1.2 s with every row placeable.
    const tried = run !== null;
    run = null;
    // The count is first taken at its bound (places and rows: see placeableAtMost): a run that
    // places every row with only the rest on the "unmatched" column proves it, and the
    // problem is the one a counted run would solve. Else (or when the run above was that
    // bound) the rows are counted. Explain's pinned re-solves of the 2,000 × 400 cohort
    // (1,970 places) spent a fifth of their time counting.
    const most = placeableAtMost(problem);
    if (!(tried && most === problem.rows)) {
      const extended = withUnmatchedColumn(problem, most, workspace);
      run = runFlow(extended, settings, start === undefined ? undefined : unmatchedStart(extended, start), true, problem.cols, workspace);
      if (run.abandoned || run.unmetMinLoad > 0) run = null;
    }
    if (run === null) {
      const placeable = maxBMatching(problem).size;
      const extended = withUnmatchedColumn(problem, placeable, workspace);
      run = runFlow(extended, settings, start === undefined ? undefined : unmatchedStart(extended, start), false, problem.cols, workspace);
    }
  }
  if (run.failedRows > 0 || run.unmetMinLoad > 0) {
    return infeasibleResult(problem, 'flow', diagnoseMinLoads(problem, run.deficit), run.rowCol);
  }
  return buildResult(problem, 'flow', run.rowCol, run.rowDual, run.colDual);
}

/** Enough places in total and a pair for every row: nothing rules out placing every row. */
function couldPlaceAll(problem: NormalizedProblem): boolean {
  let total = 0;
  for (let j = 0; j < problem.cols; j++) total += problem.capacity[j]!;
  if (total < problem.rows) return false;
  for (let i = 0; i < problem.rows; i++) if (problem.rowStart[i + 1] === problem.rowStart[i]) return false;
  return true;
}

interface FlowRun {
  /** True when `stopAtFailure` was set and a row could not be placed: nothing else is meaningful. */
  readonly abandoned: boolean;
  /** Column of each row, or -1 (unplaced, or on the "unmatched" column). */
  readonly rowCol: Int32Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  readonly failedRows: number;
  readonly unmetMinLoad: number;
  readonly deficit: Int32Array;
}

/**
 * The SSP core. `unmatchedColumn`, when given, is the column of {@link withUnmatchedColumn}:
 * its rows come back unplaced and its dual is left out, and rows without a pair are left
 * unplaced rather than failed.
 */
function runFlow(problem: NormalizedProblem, settings: FlowTuning, warm?: InternalStart, stopAtFailure = false, unmatchedColumn = NONE, workspace?: SolveWorkspace): FlowRun {
  const { rows, cols, rowStart, colIndex, cost } = problem;
  const sink = cols;
  const capacity = Int32Array.from(problem.capacity);
  const minLoad = problem.minLoad;

  let requiredTotal = 0;
  for (let j = 0; j < cols; j++) requiredTotal += minLoad[j]!;
  // Rows that stay out of the flow (see withUnmatchedColumn).
  const idle = new Uint8Array(rows);
  let idleCount = 0;
  if (unmatchedColumn >= 0) {
    for (let i = 0; i < rows; i++) {
      if (rowStart[i] !== rowStart[i + 1]) continue;
      idle[i] = 1;
      idleCount++;
    }
  }
  const flowRows = rows - idleCount;
  let sinkDeficit = flowRows - requiredTotal;

  const rowCol = new Int32Array(rows).fill(NONE);
  const rowEdgeCost = new Float64Array(rows);
  const members = new ColumnMembers(rows, cols);
  const load = members.load;
  const rowPot = new Float64Array(rows);
  const colPot = new Float64Array(cols);
  let sinkPot = 0;

  // When every place will be filled (total capacity = rows, no minimum loads, all rows
  // placed), each column's sink arc carries a fixed amount, so any per-column sink cost only
  // shifts the total by a constant. Auction prices then serve as column potentials, with
  // sink costs that cancel them: the searches start from near-equilibrium prices.
  let totalCapacity = 0;
  for (let j = 0; j < cols; j++) totalCapacity += capacity[j]!;
  const sinkCost = new Float64Array(cols);
  const fillsEveryPlace = requiredTotal === 0 && totalCapacity === flowRows;
  const auctionSized = rows >= settings.auctionMinRows && rowStart[rows]! <= settings.auctionMaxDegree * rows;
  // With places to spare, the auction's end state itself is the start: prices as potentials
  // and its assignment, each kept row checked and each place its rows left re-settled
  // (see applyWarmStart). Sink costs stay 0, so the objective is the caller's.
  // Minimum loads included: the auction ignores them, and the columns it leaves short of their
  // minimum are filled afterwards (see applyWarmStart and the backward fills below).
  const spareAuction = !fillsEveryPlace && settings.spareBidsPerRow > 0 && auctionSized;
  const fillingAuction = fillsEveryPlace && settings.auctionBidsPerRow > 0 && auctionSized;
  const previous = previousStartUse(problem, settings, warm, spareAuction ? settings.coldShare : fillingAuction ? settings.fillingColdShare : null);
  const warmStart = fillingAuction && previous !== 'asIs';
  const spareStart = spareAuction && previous !== 'asIs';
  let start: InternalStart | null = previous === 'asIs' ? (warm ?? null) : null;
  // Identical rows, for the auction's group bids and the searches below.
  const twin = twinRows(problem);
  if (warmStart) {
    const { prices } = auctionPrices(problem, settings.auctionBidsPerRow, tightSchedule, previous === 'rebid' ? warm : undefined, twin);
    for (let j = 0; j < cols; j++) {
      colPot[j] = -prices[j]!;
      sinkCost[j] = prices[j]!;
    }
  } else if (spareStart) {
    const { prices, rowCol: ended } = auctionPrices(problem, settings.spareBidsPerRow, spareSchedule, previous === 'rebid' ? warm : undefined, twin);
    start = { rowCol: ended, colPot: Float64Array.from(prices, (p) => -p) };
  }
  // Places of columns that a warm start had to close (see applyWarmStart): each is a target
  // of the searches, like a column below its minimum, until taken or settled.
  const vacant = new Int32Array(cols);
  let openPlaces = 0;
  const state = { rowCol, rowEdgeCost, members, rowPot, colPot, capacity };
  if (start !== null) {
    const { vacancies } = applyWarmStart(problem, start, state, twin);
    // Given-back places count as taken until settled: the sink expects the rest from rows (a
    // column's rows up to its minimum load meet its own demand).
    for (let j = 0; j < cols; j++) {
      openPlaces += vacancies[j]!;
      sinkDeficit -= Math.max(0, load[j]! - minLoad[j]!);
    }
    vacant.set(vacancies);
    sinkDeficit -= openPlaces;
  } else {
    // Row reduction: every row gets a zero-reduced-cost pair.
    const rowBest = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let best = Infinity;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) best = Math.min(best, cost[k]! - colPot[colIndex[k]!]!);
      rowBest[i] = best;
      rowPot[i] = best === Infinity ? 0 : -best;
    }
    // Greedy start along zero-reduced-cost pairs keeps every invariant.
    for (let i = 0; i < rows; i++) {
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
        const j = colIndex[k]!;
        if (cost[k]! - colPot[j]! === rowBest[i] && load[j]! < capacity[j]!) {
          const placed = place(j);
          if (placed) {
            rowCol[i] = j;
            rowEdgeCost[i] = cost[k]!;
            members.add(j, i);
            break;
          }
        }
      }
    }
  }

  /** Books one more unit into column j's demand or the sink's; false if neither has room. */
  function place(j: number): boolean {
    if (load[j]! < minLoad[j]!) return true;
    if (sinkDeficit > 0) {
      sinkDeficit--;
      return true;
    }
    return false;
  }

  const colDist = new Float64Array(cols);
  const colStamp = new Int32Array(cols).fill(-1);
  const colDone = new Int32Array(cols).fill(-1);
  const predRow = new Int32Array(cols);
  const predCost = new Float64Array(cols);
  const rowDist = new Float64Array(rows);
  const doneRows = new Int32Array(rows);
  const doneCols = new Int32Array(cols);
  const heap = new MinHeap(1024);
  let failedRows = 0;
  // Sets of identical rows (a coach's places, see solveByPlaces, or coachees alike; see
  // twinRows): per set, the least
  // `dist + rowPot` a search scanned one at. A twin reached no lower offers every column at
  // that key or above, so it is not scanned. Held twins have equal potentials (each is tight
  // on its own pair and no pair of the other's is negative), so after the first a search
  // scans none of them; only the source, held nowhere, can start above a twin reached later.
  const twinStamp = twin === null ? null : new Int32Array(rows).fill(-1);
  const twinBase = twin === null ? null : new Float64Array(rows);

  let searches = 0;
  /**
   * One augmentation from an unplaced row, or (`source` NONE) from the sink, which passes on one
   * of the rows it holds beyond its demand; `deferred` when it met a full sink in the warm phase.
   */
  const searchFrom = (source: number): 'placed' | 'failed' | 'deferred' => {
    const fromSink = source === NONE;
    if (!fromSink && rowStart[source] === rowStart[source + 1]) return 'failed';
    // Stamps are per search, not per row: a deferred row is searched again later.
    const stamp = searches++;
    heap.clear();
    let doneRowCount = 0;
    let doneColCount = 0;
    let sinkDist = Infinity;
    let sinkDone = false;
    let sinkPred = NONE;
    let target = NONE;
    let targetDist = 0;

    const scanRow = (r: number, dist: number): void => {
      rowDist[r] = dist;
      doneRows[doneRowCount++] = r;
      const base = dist + rowPot[r]!;
      if (twin !== null) {
        const first = twin[r]!;
        if (twinStamp![first] === stamp && base >= twinBase![first]!) return;
        twinStamp![first] = stamp;
        twinBase![first] = base;
      }
      // A sink with room already in reach ends the search at its distance (see the loop below):
      // a column at or past that can neither be settled before it nor offer it for less, so it
      // stays out of the heap.
      let bound = sinkDeficit > 0 && sinkPred !== NONE ? sinkDist : Infinity;
      for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
        const j = colIndex[k]!;
        if (colDone[j] === stamp) continue;
        const key = base + cost[k]! - colPot[j]!;
        if (key >= bound) continue;
        if (colStamp[j] !== stamp || key < colDist[j]!) {
          colStamp[j] = stamp;
          colDist[j] = key;
          predRow[j] = r;
          predCost[j] = cost[k]!;
          heap.push(key, j);
          // A column with room offers the sink at once (as when settled, below): the search
          // ends as soon as no key left is below that, not after every column tied with it.
          // Only over a sink arc that is not negative: then a sink reached through a column
          // not yet settled is reached at that column's own key (see the loop), which needs
          // no potential update; settling handles any other, as before.
          if (sinkDeficit > 0 && load[j]! < capacity[j]! && load[j]! >= minLoad[j]! && vacant[j] === 0) {
            const arc = colPot[j]! + sinkCost[j]! - sinkPot;
            if (arc >= 0 && key + arc < sinkDist) {
              sinkDist = key + arc;
              sinkPred = j;
              bound = sinkDist;
            }
          }
        }
      }
    };

    if (fromSink) {
      sinkDist = 0;
      heap.push(0, sink);
    } else scanRow(source, 0);
    for (;;) {
      const key = heap.size > 0 ? heap.peekKey() : Infinity;
      if (sinkDeficit > 0 && sinkPred !== NONE && sinkDist <= key) {
        // Nothing left can reach the sink cheaper: its distance is final. A column it came
        // through unsettled was offered over an arc of 0 at this very key (its key is at least
        // the least left), so the update would not move its potential.
        sinkDone = true;
        target = sink;
        targetDist = sinkDist;
        break;
      }
      if (heap.size === 0) break;
      // It would be deferred when the full sink comes up (below): past the budget, it is now.
      if (openPlaces > 0 && sinkDeficit <= 0 && sinkDist < Infinity && doneRowCount > settings.deferAfterRows) return 'deferred';
      const node = heap.pop();
      if (node === sink) {
        // Only a full sink is pushed (below): one with room ends the search at the loop's top.
        if (sinkDone) continue;
        sinkDone = true;
        // While places are being given back, a full sink waits for that to finish.
        if (openPlaces > 0) return 'deferred';
        // The sink is full: it passes flow back to columns holding more than their minimum.
        for (let j = 0; j < cols; j++) {
          if (colDone[j] === stamp || load[j]! <= minLoad[j]!) continue;
          const back = key + sinkPot - colPot[j]!;
          if (colStamp[j] !== stamp || back < colDist[j]!) {
            colStamp[j] = stamp;
            colDist[j] = back;
            predRow[j] = FROM_SINK;
            heap.push(back, j);
          }
        }
        continue;
      }
      if (colDone[node] === stamp || key > colDist[node]!) continue;
      colDone[node] = stamp;
      doneCols[doneColCount++] = node;
      if (load[node]! < minLoad[node]! || vacant[node]! > 0) {
        target = node;
        targetDist = key;
        break;
      }
      if (load[node]! < capacity[node]! && !sinkDone) {
        const toSink = key + colPot[node]! + sinkCost[node]! - sinkPot;
        if (toSink < sinkDist) {
          sinkDist = toSink;
          sinkPred = node;
          if (sinkDeficit <= 0) heap.push(toSink, sink);
        }
      }
      for (let m = members.head[node]!; m >= 0; m = members.next[m]!) {
        if (m === source) continue;
        // A held row is reached over its tight pair; clamp rounding noise to keep order.
        const back = colPot[node]! - rowPot[m]! - rowEdgeCost[m]!;
        scanRow(m, back > 0 ? key + back : key);
      }
    }

    if (target === NONE) return 'failed';

    // Lazy potential update: only nodes finalised in this search move.
    for (let q = 0; q < doneRowCount; q++) {
      const r = doneRows[q]!;
      rowPot[r] = rowPot[r]! + rowDist[r]! - targetDist;
    }
    for (let q = 0; q < doneColCount; q++) {
      const j = doneCols[q]!;
      colPot[j] = colPot[j]! + colDist[j]! - targetDist;
    }
    if (sinkDone) sinkPot += sinkDist - targetDist;

    if (fromSink) sinkDeficit++;
    if (target === sink) sinkDeficit--;
    // A column short of its minimum load takes the row as its own demand first, vacancies or not.
    else if (vacant[target]! > 0 && load[target]! >= minLoad[target]!) {
      // A place given back: the column's capacity grows by it, now taken.
      vacant[target]!--;
      openPlaces--;
      capacity[target]!++;
    }

    // Walk back from the target, moving each row one step along the path.
    let col = target === sink ? sinkPred : target;
    for (;;) {
      const r = predRow[col]!;
      if (r === FROM_SINK) {
        // From the sink: the column reached first gives a row up, and that is all.
        if (fromSink) break;
        col = sinkPred;
        continue;
      }
      const previous = rowCol[r]!;
      if (previous !== NONE) members.remove(previous, r);
      members.add(col, r);
      rowCol[r] = col;
      rowEdgeCost[r] = predCost[col]!;
      if (r === source) break;
      col = previous;
    }
    return 'placed';
  };

  // Backward searches (see VacancySearch), shared by the minimums and the vacancies below.
  let backward: VacancySearch | null = null;
  const backwardSearch = (): VacancySearch => (backward ??= new VacancySearch(problem, twin, workspace));
  /**
   * Backward searches can leave a held row's pair slack (its column moved, it did not): raising
   * the row's potential makes it tight again and keeps every reduced cost non-negative; the
   * later searches and the duals rely on held pairs being tight.
   */
  const retighten = (): void => {
    for (let i = 0; i < rows; i++) {
      const j = rowCol[i]!;
      if (j !== NONE) rowPot[i] = colPot[j]! - rowEdgeCost[i]!;
    }
  };
  if (start !== null && requiredTotal > 0) {
    // A start that leaves columns short of their minimum loads: each filled from its own side
    // first (a forward search from an unplaced row to a column few rows list crosses most of
    // the graph). What cannot be filled so is left to the searches below.
    let filled = false;
    for (let j = 0; j < cols; j++) {
      while (load[j]! < minLoad[j]!) {
        const outcome = backwardSearch().fill(j, state, sinkPot);
        if (outcome === 'none') break;
        filled = true;
        // The sink gave a row up: it lacks one more.
        if (outcome === 'moved') sinkDeficit++;
      }
    }
    if (filled) retighten();
  }
  const deferred: number[] = [];
  // Rows placed while places were open, against the deferred (see DEFER_REST_AFTER).
  let placedWhileOpen = 0;
  for (let source = 0; source < rows; source++) {
    if (rowCol[source] !== NONE || idle[source] === 1) continue;
    const open = openPlaces > 0;
    if (open && deferred.length >= settings.deferRestAfter && deferred.length > placedWhileOpen) {
      deferred.push(source);
      continue;
    }
    const outcome = searchFrom(source);
    if (outcome === 'failed') {
      if (stopAtFailure) return abandoned();
      failedRows++;
    }
    else if (outcome === 'deferred') deferred.push(source);
    else if (open) placedWhileOpen++;
  }
  if (openPlaces > 0) {
    // Places no row took on the way: each is filled from elsewhere or left empty (see VacancySearch).
    const search = backwardSearch();
    for (let j = 0; j < cols; j++) {
      for (; vacant[j]! > 0; vacant[j]!--) {
        if (search.restore(j, state, sinkPot) === 'empty') {
          // The column's potential is now the sink's: its other empty places are valid as they are.
          capacity[j] = capacity[j]! + vacant[j]! - 1;
          vacant[j] = 0;
          break;
        }
      }
    }
    openPlaces = 0;
    retighten();
  }
  if (deferred.length > 0) {
    // Rows a column holds beyond its minimum load are the sink's.
    let passed = 0;
    for (let j = 0; j < cols; j++) passed += Math.max(0, load[j]! - minLoad[j]!);
    sinkDeficit = flowRows - requiredTotal - passed;
    for (const source of deferred) {
      if (rowCol[source] !== NONE || searchFrom(source) === 'placed') continue;
      if (stopAtFailure) return abandoned();
      failedRows++;
    }
  }

  // A start from a previous solution or an auction can leave the sink more rows than its demand
  // while columns lack their minimum loads, and no row unplaced to fill them: the sink passes
  // its surplus on, one shortest path at a time.
  if (start !== null && requiredTotal > 0) {
    let passed = 0;
    let lacking = 0;
    for (let j = 0; j < cols; j++) {
      passed += Math.max(0, load[j]! - minLoad[j]!);
      lacking += Math.max(0, minLoad[j]! - load[j]!);
    }
    sinkDeficit = flowRows - requiredTotal - passed;
    for (; sinkDeficit < 0 && lacking > 0; lacking--) if (searchFrom(NONE) !== 'placed') break;
  }

  // The caller's columns: all but the "unmatched" one, whose rows come back unplaced.
  const realCols = unmatchedColumn >= 0 ? unmatchedColumn : cols;
  const deficit = new Int32Array(realCols);
  let unmetMinLoad = 0;
  for (let j = 0; j < realCols; j++) {
    deficit[j] = Math.max(0, minLoad[j]! - load[j]!);
    unmetMinLoad += deficit[j]!;
  }
  if (unmatchedColumn >= 0) for (let i = 0; i < rows; i++) if (rowCol[i] === unmatchedColumn) rowCol[i] = NONE;
  const { rowDual, colDual } = fillsEveryPlace
    ? fullCapacityDuals(rows, cols, rowPot, colPot)
    : lpDuals(rows, cols, rowPot, colPot, sinkPot, load, problem);
  return { abandoned: false, rowCol, rowDual, colDual: colDual.subarray(0, realCols), failedRows, unmetMinLoad, deficit };

  function abandoned(): FlowRun {
    const none = new Float64Array(0);
    return { abandoned: true, rowCol, rowDual: none, colDual: none, failedRows: 1, unmetMinLoad: 0, deficit: new Int32Array(cols) };
  }
}

/**
 * Duals when every column is full: any shift works, so shift until every column dual is
 * `<= 0`, the sign of a capacity constraint's dual in a minimisation.
 */
function fullCapacityDuals(rows: number, cols: number, rowPot: Float64Array, colPot: Float64Array) {
  let shift = 0;
  for (let j = 0; j < cols; j++) shift = Math.max(shift, colPot[j]!);
  // Loops, not Float64Array.from with a function, which took as long as a small solve.
  const rowDual = new Float64Array(rows);
  for (let i = 0; i < rows; i++) rowDual[i] = shift - rowPot[i]!;
  const colDual = new Float64Array(cols);
  for (let j = 0; j < cols; j++) colDual[j] = colPot[j]! - shift;
  return { rowDual, colDual };
}

/**
 * Turns potentials into LP duals of the minimisation: `u[i] + v[j] <= c[i][j]`, with
 * `v[j] = 0` on columns whose capacity does not bind and `v[j] <= 0` on full ones, unless a
 * binding minimum load allows `v[j] > 0`.
 */
function lpDuals(
  rows: number,
  cols: number,
  rowPot: Float64Array,
  colPot: Float64Array,
  sinkPot: number,
  load: Int32Array,
  problem: NormalizedProblem,
): { rowDual: Float64Array; colDual: Float64Array } {
  const rowDual = new Float64Array(rows);
  const colDual = new Float64Array(cols);
  for (let i = 0; i < rows; i++) rowDual[i] = sinkPot - rowPot[i]!;
  for (let j = 0; j < cols; j++) {
    const v = colPot[j]! - sinkPot;
    const minLoadBinds = problem.minLoad[j]! > 0 && load[j] === problem.minLoad[j];
    colDual[j] = v > 0 && !minLoadBinds ? 0 : v;
  }
  return { rowDual, colDual };
}

/**
 * How a run uses a previous solution (see FlowTuning): as it is (`asIs`), through the
 * auction's last phases (`rebid`: the spare auction's, or, where every place fills, the
 * auction that prices the columns), or not at all. `auctionColdShare`: the share of rows off
 * their best up to which the run's auction takes the start; null when no auction runs.
 */
function previousStartUse(problem: NormalizedProblem, settings: FlowTuning, warm: InternalStart | undefined, auctionColdShare: number | null): 'asIs' | 'rebid' | 'none' {
  if (warm === undefined) return 'none';
  if (settings.rebidShare === Infinity) return 'asIs';
  const displaced = displacedRows(problem, warm);
  if (displaced <= settings.rebidShare * problem.rows) return 'asIs';
  return auctionColdShare !== null && displaced <= auctionColdShare * problem.rows ? 'rebid' : 'none';
}

/**
 * Rows of a previous solution that sit on a pair which the problem no longer has, or which is
 * not (up to rounding) their best at its prices: the rows a warm start has to move.
 */
function displacedRows(problem: NormalizedProblem, start: InternalStart): number {
  const { rows, rowStart, colIndex, cost } = problem;
  const unit = roundingUnit(problem.largestCost);
  let displaced = 0;
  for (let i = 0; i < rows; i++) {
    const j = start.rowCol[i]!;
    if (j < 0) continue;
    let best = Infinity;
    let own = Infinity;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const reduced = cost[k]! - start.colPot[colIndex[k]!]!;
      if (reduced < best) best = reduced;
      if (colIndex[k] === j) own = reduced;
    }
    if (!isBestPair(own, best, unit)) displaced++;
  }
  return displaced;
}
