import { CoachmatchError } from '../errors.js';
import { describeValue } from '../text/describeValue.js';
import { findPair } from './buildResult.js';
import { ColumnIndex } from './columnIndex.js';
import type { ColumnMembers } from './columnMembers.js';
import { MinHeap } from './minHeap.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { WarmStart } from './types.js';
import type { SolveWorkspace } from './solveWorkspace.js';
import { roundingUnit } from './roundingUnit.js';

/**
 * The flow solver's state that a warm start fills in: an assignment and potentials in which
 * every residual arc has a non-negative reduced cost, `c(u, v) + pot(u) − pot(v)`, as the
 * successive-shortest-path searches need.
 */
export interface WarmState {
  readonly rowCol: Int32Array;
  readonly rowEdgeCost: Float64Array;
  readonly members: ColumnMembers;
  readonly rowPot: Float64Array;
  readonly colPot: Float64Array;
  /** Lowered to the load on columns with vacancies (see {@link applyWarmStart}); restored as they are settled. */
  readonly capacity: Int32Array;
}

/** A starting point in the solver's terms: a column per row (−1: none) and column potentials. */
export interface InternalStart {
  readonly rowCol: Int32Array;
  readonly colPot: Float64Array;
}

/**
 * A caller's {@link WarmStart} in the solver's terms (the duals of a minimisation are the
 * potentials), each potential held within what a search could make of this problem's costs:
 * a shortest path crosses at most every row and column once, so no potential of a solution
 * needs to lie further from the sink's (0) than (rows + cols + 1) · (largest |cost| + its
 * rounding unit, see roundingUnit).
 * Any potentials are a valid start; ones far beyond that would only swamp the costs in
 * rounding (a column dual of 9.6·10^14 on costs of −18 and −3 gave −18 as "optimal").
 */
export function internalStart(problem: NormalizedProblem, warm: WarmStart): InternalStart {
  const flip = problem.sense === 'max' ? -1 : 1;
  const reach = (problem.rows + problem.cols + 1) * (problem.largestCost + roundingUnit(problem.largestCost));
  // Loops, not TypedArray.from with a function: explain makes thousands of small solves.
  const rowCol = new Int32Array(problem.rows);
  for (let i = 0; i < problem.rows; i++) rowCol[i] = warm.assignment[i] ?? -1;
  const colPot = new Float64Array(problem.cols);
  // Costs near the largest double: the reach overflows and would hold nothing, so the duals start
  // at 0 as in a cold solve (a dual of -1.7e308 made a feasible problem "infeasible").
  if (!Number.isFinite(reach)) return { rowCol, colPot };
  for (let j = 0; j < problem.cols; j++) colPot[j] = Math.min(reach, Math.max(-reach, flip * warm.colDual[j]! + 0));
  return { rowCol, colPot };
}

/** Checks a warm start's shape against the problem; throws `invalidArgument` naming the field. */
export function checkWarmStart(problem: NormalizedProblem, warm: WarmStart): void {
  const fail = (path: string, why: string) => {
    throw new CoachmatchError('invalidArgument', `warmStart.${path}: ${why}`);
  };
  // From a JavaScript caller anything may come: the shape first, then the entries.
  const shape = warm as unknown as { assignment?: unknown; colDual?: unknown } | null;
  if (typeof shape !== 'object' || shape === null) throw new CoachmatchError('invalidArgument', `warmStart: expected { assignment, colDual }, got ${shape === null ? 'null' : typeof shape}`);
  if (!Array.isArray(shape.assignment)) fail('assignment', 'expected a list of column indices or null');
  if (!Array.isArray(shape.colDual) && !ArrayBuffer.isView(shape.colDual)) fail('colDual', 'expected a list of numbers');
  if (warm.assignment.length !== problem.rows) fail('assignment', `has ${warm.assignment.length} entries, the problem ${problem.rows} rows`);
  if (warm.colDual.length !== problem.cols) fail('colDual', `has ${warm.colDual.length} entries, the problem ${problem.cols} columns`);
  // Index loops, not forEach, which skips the holes of a sparse array (they read as undefined).
  for (let i = 0; i < warm.assignment.length; i++) {
    const j = warm.assignment[i];
    if (j !== null && !(Number.isInteger(j) && j! >= 0 && j! < problem.cols)) fail(`assignment[${i}]`, `${describeValue(j)} is not null or a column index below ${problem.cols}`);
  }
  for (let j = 0; j < warm.colDual.length; j++) {
    const v: unknown = warm.colDual[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`colDual[${j}]`, `${describeValue(v)} is not a finite number`);
  }
}

/**
 * Turns a previous solution into a valid starting state, keeping whatever of it is still
 * optimal-compatible. Column potentials come from the given duals; each kept row sits on a
 * tight pair and must have no pair of negative reduced cost, or it starts unplaced (always
 * safe: the searches place it again). A column needs potential 0 to take more rows
 * (the sink's potential), so a column below capacity with a negative potential (a "price"
 * the rows it lost no longer pay) is a vacancy: its capacity is lowered to its load here and
 * each place is given back by {@link VacancySearch}; one still short of its minimum load is
 * raised to the sink's potential instead. Returns the vacancies per column and the number of
 * rows kept. `twin` (see twinRows), when given, lets identical rows share their best reduced
 * cost, found once per set.
 */
export function applyWarmStart(problem: NormalizedProblem, start: InternalStart, state: WarmState, twin: Int32Array | null = null): { vacancies: Int32Array; kept: number } {
  const { rows, cols, rowStart, colIndex, cost } = problem;
  const { rowCol, rowEdgeCost, members, rowPot, colPot, capacity } = state;
  colPot.set(start.colPot.subarray(0, cols));
  const load = members.load;
  for (let i = 0; i < rows; i++) {
    const j = start.rowCol[i]!;
    if (j < 0 || load[j]! >= capacity[j]!) continue;
    const at = findPair(problem, i, j);
    if (at < 0) continue;
    rowCol[i] = j;
    rowEdgeCost[i] = cost[at]!;
    members.add(j, i);
  }
  // A column passing rows on to the sink must not be priced above it (potential > 0): nothing
  // would hold them there. One at or below its minimum load passes none: its demand holds them.
  const { minLoad } = problem;
  for (let j = 0; j < cols; j++) if (load[j]! > minLoad[j]! && colPot[j]! > 0) colPot[j] = 0;
  // Each row kept only when its pair is (up to rounding) a best one at these prices. A column
  // short of its minimum load, priced below the sink, is raised to it (its demand is a target
  // of the searches, its rows free to stay), and the rows are checked again at the new prices.
  // Each row's least reduced cost; a twin's is its first twin's, found before it. A coach's
  // places, solved as rows, are hundreds of pairs each (24.6 million pairs in all at 100,000 ×
  // 10,000 with 49,859 places, a fifth of them distinct).
  const rowBest = new Float64Array(rows);
  const unit = roundingUnit(problem.largestCost);
  for (let raised = true; raised; ) {
    for (let i = 0; i < rows; i++) {
      let best = Infinity;
      if (twin !== null && twin[i] !== i) best = rowBest[twin[i]!]!;
      else for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) best = Math.min(best, cost[k]! - colPot[colIndex[k]!]!);
      rowBest[i] = best;
      const j = rowCol[i]!;
      if (j >= 0) {
        const onPair = rowEdgeCost[i]! - colPot[j]!;
        if (isBestPair(onPair, best, unit)) {
          rowPot[i] = -onPair;
          continue;
        }
        members.remove(j, i);
        rowCol[i] = -1;
      }
      rowPot[i] = best === Infinity ? 0 : -best;
    }
    raised = false;
    for (let j = 0; j < cols; j++) {
      if (colPot[j]! < 0 && load[j]! < minLoad[j]!) {
        colPot[j] = 0;
        raised = true;
      }
    }
  }
  let kept = 0;
  for (let i = 0; i < rows; i++) if (rowCol[i]! >= 0) kept++;
  // A column priced below the sink with room would pass it rows at a gain: its places beyond
  // its load (at least its minimum, by the raise above) are closed.
  const vacancies = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    if (colPot[j]! < 0 && load[j]! < capacity[j]!) {
      vacancies[j] = capacity[j]! - load[j]!;
      capacity[j] = load[j]!;
    }
  }
  return { vacancies, kept };
}

/** Whether a row's reduced cost on its pair is, up to rounding (`unit`: see roundingUnit), its best one: a warm start keeps such a row where it is. */
export function isBestPair(onPair: number, best: number, unit: number): boolean {
  return onPair <= best + 1e-12 * (unit + Math.abs(best));
}

/**
 * Gives a vacant place back to its column. Restoring a place whose column has a negative
 * potential opens a sink arc of negative reduced cost; sending one unit over it leaves the
 * column one unit short. The cheapest way to make that good is a shortest path *into* the
 * column, found backwards: from the sink (a row moves in, the chain ends at a column that
 * passes one unit less to the sink; or the sink's own arc back, which leaves the place empty
 * and lowers the column's price to the sink's), or from an unplaced row (which is placed).
 * Potentials then move by the backward distances, keeping every reduced cost non-negative.
 */
export class VacancySearch {
  /** Each column's rows (see ColumnIndex): built as the searches need them. */
  private readonly byColumn: ColumnIndex;
  private readonly colDist: Float64Array;
  private readonly colStamp: Int32Array;
  private readonly colNext: Int32Array;
  private readonly rowDist: Float64Array;
  private readonly rowStamp: Int32Array;
  private readonly rowNext: Int32Array;
  private readonly rowNextCost: Float64Array;
  private readonly doneCols: Int32Array;
  private readonly doneRows: Int32Array;
  /** The next row identical to each row (see twinRows), ascending; −1 after the last. */
  private readonly nextTwin: Int32Array;
  /**
   * Per set of identical rows (by its first row), the search that last relaxed it whole and the
   * least `key + cost − colPot` it did so at: the part of a twin's distance all twins share.
   */
  private readonly setStamp: Int32Array;
  private readonly setBase: Float64Array;
  /** The column of that relaxation, whose held twins it skipped. */
  private readonly setCol: Int32Array;
  /** The first row of each row's set (empty when no two rows are identical: then no set is passed over). */
  private readonly firstTwin: Int32Array;
  private readonly heap = new MinHeap(1024);
  private searches = 0;

  /**
   * @param twin the first row identical to each row (see twinRows), or null when no two rows
   *   are identical. The columns list each set of identical rows once, by its first row:
   *   a coach's places, solved as rows, would otherwise list every coachee's coach as often
   *   as it has places.
   */
  constructor(
    private readonly problem: NormalizedProblem,
    twin: Int32Array | null = null,
    workspace?: SolveWorkspace,
  ) {
    const { rows, cols } = problem;
    this.nextTwin = new Int32Array(rows).fill(-1);
    this.setStamp = new Int32Array(rows).fill(-1);
    this.setBase = new Float64Array(rows);
    this.setCol = new Int32Array(rows);
    this.firstTwin = twin ?? new Int32Array(0);
    if (twin !== null) {
      const lastSeen = new Int32Array(rows).fill(-1);
      for (let r = 0; r < rows; r++) {
        const first = twin[r]!;
        if (lastSeen[first]! >= 0) this.nextTwin[lastSeen[first]!] = r;
        lastSeen[first] = r;
      }
    }
    let heads: Int32Array | null = null;
    if (twin !== null) {
      let count = 0;
      for (let r = 0; r < rows; r++) if (twin[r] === r) count++;
      heads = new Int32Array(count);
      for (let r = 0, q = 0; r < rows; r++) if (twin[r] === r) heads[q++] = r;
    }
    this.byColumn = new ColumnIndex(problem, heads, workspace);
    this.colDist = new Float64Array(cols);
    this.colStamp = new Int32Array(cols).fill(-1);
    this.colNext = new Int32Array(cols);
    this.rowDist = new Float64Array(rows);
    this.rowStamp = new Int32Array(rows).fill(-1);
    this.rowNext = new Int32Array(rows);
    this.rowNextCost = new Float64Array(rows);
    this.doneCols = new Int32Array(cols);
    this.doneRows = new Int32Array(rows);
  }

  /**
   * Relaxes the arc into row r from column c, popped at `key`: the row could move into c. Held
   * rows of c, and rows done or reached no sooner than the best target, are passed over.
   */
  private relax(r: number, c: number, key: number, pairCost: number, stamp: number, sinkDist: number, state: WarmState): void {
    if (state.rowCol[r] === c || this.rowStamp[r] === -2 - stamp) return;
    const reduced = pairCost + state.rowPot[r]! - state.colPot[c]!;
    const at = key + (reduced > 0 ? reduced : 0);
    // Nothing reached at or beyond the best target found so far can lead to a better one.
    if (at >= sinkDist) return;
    if (this.rowStamp[r] !== stamp || at < this.rowDist[r]!) {
      this.rowStamp[r] = stamp;
      this.rowDist[r] = at;
      this.rowNext[r] = c;
      this.rowNextCost[r] = pairCost;
      this.heap.push(at, this.problem.cols + 1 + r);
    }
  }

  /**
   * Restores one place of column `vacant` (its capacity is raised by one here). Returns
   * `'placed'` when an unplaced row was placed, `'moved'` when rows moved and the place was
   * filled from another column, `'empty'` when the place stays empty (the column's
   * potential has then reached the sink's).
   */
  restore(vacant: number, state: WarmState, sinkPot: number): 'placed' | 'moved' | 'empty' {
    state.capacity[vacant]!++;
    const outcome = this.search(vacant, state, sinkPot, true);
    if (outcome === 'none') throw new CoachmatchError('internal', 'a vacancy search found no way back to the sink');
    return outcome;
  }

  /**
   * Gives column `short`, below its minimum load, one more row: from an unplaced row, or from a
   * column above its minimum, which then passes the sink one row less (the sink then lacks a row,
   * which the forward searches bring it). The same backward search: a column the coachees
   * rarely list is reached from its few rows, where a forward search from an unplaced row
   * crossed most of the graph first (40,000 × 4,000, every coach to take a coachee: 34,000 rows
   * a search). `'none'` when neither is within reach: the forward searches then settle it, or
   * find it cannot be met.
   */
  fill(short: number, state: WarmState, sinkPot: number): 'placed' | 'moved' | 'none' {
    const outcome = this.search(short, state, sinkPot, false);
    return outcome === 'empty' ? 'none' : outcome;
  }

  /** The backward search into column `vacant` (see restore); `emptyAllowed`: the sink's own arc back into it (the place stays empty). */
  private search(vacant: number, state: WarmState, sinkPot: number, emptyAllowed: boolean): 'placed' | 'moved' | 'empty' | 'none' {
    const { cols } = this.problem;
    const { rowCol, rowPot, colPot, members } = state;
    const load = members.load;
    const stamp = this.searches++;
    // Stamps: `stamp` while a node's distance is tentative, `doneMark` once it is final.
    const doneMark = -2 - stamp;
    // Node ids in the heap: columns 0..cols-1, the sink `cols`, row r as cols + 1 + r.
    const sink = cols;
    let sinkDist = emptyAllowed ? sinkPot - colPot[vacant]! : Infinity; // the sink's own arc back into the column
    let sinkNext = vacant;
    const heap = this.heap;
    heap.clear();
    if (emptyAllowed) heap.push(sinkDist, sink);
    this.colStamp[vacant] = stamp;
    this.colDist[vacant] = 0;
    heap.push(0, vacant);
    let doneColCount = 0;
    let doneRowCount = 0;
    let target = -1;
    let targetDist = 0;
    while (heap.size > 0) {
      const key = heap.peekKey();
      const node = heap.pop();
      if (node === sink) {
        if (key > sinkDist) continue;
        target = sink;
        targetDist = key;
        break;
      }
      if (node < cols) {
        const c = node;
        if (this.colStamp[c] === doneMark || key > this.colDist[c]!) continue;
        this.colStamp[c] = doneMark;
        this.doneCols[doneColCount++] = c;
        // The sink passes flow back into a column that sends it some (what it holds beyond its minimum load).
        if (c !== vacant && load[c]! > this.problem.minLoad[c]!) {
          const viaSink = key + sinkPot - colPot[c]!;
          if (viaSink < sinkDist) {
            sinkDist = viaSink;
            sinkNext = c;
            heap.push(viaSink, sink);
          }
        }
        const { rows: inColumn, costs, from, to } = this.byColumn.of(c);
        for (let q = from; q < to; q++) {
          const pairCost = costs[q]!;
          const set = inColumn[q]!;
          // Identical rows share the pair but not their potentials or places: each is relaxed,
          // at max(key, base + rowPot). Keys only grow, so a set relaxed before at a base no
          // higher has given each twin a distance no worse, except the twins held at that
          // column, which it skipped: those alone are relaxed. A group of thousands of alike
          // coachees, held at hundreds of coaches, was otherwise relaxed anew from each
          // (100,000 × 10,000 of 15 kinds: 85 s of restores in one round).
          const base = key + pairCost - colPot[c]!;
          if (this.nextTwin[set]! >= 0 && this.setStamp[set] === stamp && base >= this.setBase[set]!) {
            const held = this.setCol[set]!;
            for (let r = members.head[held]!; r >= 0; r = members.next[r]!) {
              if (this.firstTwin[r] === set) this.relax(r, c, key, pairCost, stamp, sinkDist, state);
            }
            continue;
          }
          this.setStamp[set] = stamp;
          this.setBase[set] = base;
          this.setCol[set] = c;
          for (let r = set; r >= 0; r = this.nextTwin[r]!) this.relax(r, c, key, pairCost, stamp, sinkDist, state);
        }
        continue;
      }
      const r = node - cols - 1;
      if (this.rowStamp[r] === doneMark || key > this.rowDist[r]!) continue;
      this.rowStamp[r] = doneMark;
      this.doneRows[doneRowCount++] = r;
      const k = rowCol[r]!;
      if (k < 0) {
        target = node;
        targetDist = key;
        break;
      }
      // Row r reaches its own column backwards: the column gives it up.
      if (this.colStamp[k] === doneMark) continue;
      const back = colPot[k]! - rowPot[r]! - state.rowEdgeCost[r]!;
      const at = key + (back > 0 ? back : 0);
      if (at >= sinkDist) continue;
      if (this.colStamp[k] !== stamp || at < this.colDist[k]!) {
        this.colStamp[k] = stamp;
        this.colDist[k] = at;
        this.colNext[k] = r;
        heap.push(at, k);
      }
    }
    if (target < 0) return 'none';
    // Potentials: a node finalised at backward distance d moves by D − d.
    for (let q = 0; q < doneColCount; q++) {
      const c = this.doneCols[q]!;
      colPot[c] = colPot[c]! + targetDist - this.colDist[c]!;
    }
    for (let q = 0; q < doneRowCount; q++) {
      const r = this.doneRows[q]!;
      rowPot[r] = rowPot[r]! + targetDist - this.rowDist[r]!;
    }
    // Walk the path forwards, moving each row one step towards the vacant column.
    let outcome: 'placed' | 'moved' | 'empty';
    let row: number;
    if (target === sink) {
      if (sinkNext === vacant) return 'empty';
      outcome = 'moved';
      row = this.colNext[sinkNext]!;
    } else {
      outcome = 'placed';
      row = target - cols - 1;
    }
    for (;;) {
      const from = rowCol[row]!;
      const to = this.rowNext[row]!;
      if (from >= 0) members.remove(from, row);
      members.add(to, row);
      rowCol[row] = to;
      state.rowEdgeCost[row] = this.rowNextCost[row]!;
      if (to === vacant) break;
      row = this.colNext[to]!;
    }
    return outcome;
  }
}
