import { priorityWeight } from '../policies/priorityWeight.js';
import type { PairBounds } from './pairBounds.js';
import { largestAt, topInOrder } from './topInOrder.js';
import { float64Slices, int32Slices } from './typedSlices.js';

/** Every how many columns a row's sample takes one, to set the threshold of its scan. */
const SAMPLE_STRIDE = 16;

/**
 * How many times the columns a scan lists its threshold aims to gather (see RowScan.threshold).
 * Fewer means less to choose from, more a scan of the whole row when too few reach it: on
 * 10,000 rows of the 100,000 × 10,000 bench cohort, 1.5 times took 7–8% less time than 2
 * (fastest of 8 and of 10 runs, alternated), and fell short on 8 rows; 1.25 times on 254.
 */
const GATHER_FACTOR = 1.5;

/** What one row's scan finds (see selectCandidates). */
export interface ScannedRow {
  /** The listed columns (ascending; a view, valid until the next scan), and the best row bound left out. */
  readonly list: Int32Array;
  readonly rest: number;
  /** Columns to evaluate first (ascending): the k best by pair bound and the favoured. */
  readonly batch: Int32Array;
  /** Columns kept aside, with their pair bounds (times the multiplier), and the predicted bar. */
  readonly aside: { columns: Int32Array; bounds: Float64Array; predicted: number };
}

/** One row at a time: its row bounds, list, first batch and the columns kept aside. */
export class RowScan {
  private readonly bound: Float64Array;
  private readonly own: Float64Array;
  private readonly found: Int32Array;
  /** Room for one row's list, its row and pair bounds and picks, and the gathered row bounds. */
  private readonly listBuffer: Int32Array;
  private readonly listBoundBuffer: Float64Array;
  private readonly ownBuffer: Float64Array;
  private readonly pickedBuffer: Uint8Array;
  private readonly subsetBuffer: Float64Array;
  private readonly workBuffer: Float64Array;
  /** Scratch of {@link RowScan.topKnown}: the known positions of a list, and their values. */
  private readonly knownPositions: Int32Array;
  private readonly knownValues: Float64Array;
  /** The columns {@link RowScan.best} chose, ascending. */
  private readonly topBuffer: Int32Array;
  /** Positions {@link RowScan.topOf} hands out. */
  private readonly positionBuffer: Int32Array;
  /** The columns the last scan gathered (ascending; −1: it took every column) and the bound they reach. */
  private readonly gathered: Int32Array;
  private gatheredCount = -1;
  private gatheredAbove = Infinity;
  /** Whether `bound` holds every column's bound for the row scanned (else the gathered ones' only). */
  private complete = false;
  /** Scratch for a pass over a whole row whose gathered columns are not wanted. */
  private readonly everyColumn: Int32Array;
  private readonly moreBuffer: Int32Array;
  /** Every SAMPLE_STRIDE-th column, and their row bounds (see {@link RowScan.threshold}). */
  private readonly sample: Int32Array;
  private readonly sampled: Float64Array;
  /**
   * The columns with places (ascending), each column's place among them, and per row how many
   * rows before it weigh every pair 0 (see {@link RowScan.indifferent}).
   */
  private readonly openColumns: Int32Array;
  private readonly openPosition: Int32Array;
  private readonly indifferentBefore: Int32Array;
  private keyBuffer = new Float64Array(0);
  /** Room for what a row hands on to its chunk (batch, columns kept aside, their bounds): views, dropped with the chunk. */
  private readonly scratchColumns = int32Slices();
  private readonly scratchWeights = float64Slices();

  constructor(
    private readonly bounds: PairBounds,
    private readonly listed: number,
    private readonly k: number,
  ) {
    this.bound = new Float64Array(bounds.cols);
    this.own = new Float64Array(bounds.cols);
    this.found = new Int32Array(bounds.cols);
    this.listBuffer = new Int32Array(listed + 1);
    this.listBoundBuffer = new Float64Array(listed + 1);
    this.ownBuffer = new Float64Array(listed + 1);
    this.pickedBuffer = new Uint8Array(listed + 1);
    this.subsetBuffer = new Float64Array(bounds.cols);
    this.workBuffer = new Float64Array(bounds.cols);
    this.topBuffer = new Int32Array(listed + 1);
    this.knownPositions = new Int32Array(listed + 1);
    this.knownValues = new Float64Array(listed + 1);
    this.positionBuffer = new Int32Array(Math.max(listed + 1, Math.floor(bounds.cols / SAMPLE_STRIDE)));
    this.gathered = new Int32Array(bounds.cols);
    this.everyColumn = new Int32Array(bounds.cols);
    this.moreBuffer = new Int32Array(listed + 1);
    this.sample = Int32Array.from({ length: Math.floor(bounds.cols / SAMPLE_STRIDE) }, (_, q) => q * SAMPLE_STRIDE);
    this.sampled = new Float64Array(this.sample.length);
    this.openColumns = Int32Array.from(bounds.open.keys()).filter((j) => bounds.open[j] === 1);
    this.openPosition = new Int32Array(bounds.cols).fill(-1);
    this.openColumns.forEach((j, q) => (this.openPosition[j] = q));
    this.indifferentBefore = new Int32Array(bounds.rows);
    for (let i = 1; i < bounds.rows; i++) this.indifferentBefore[i] = this.indifferentBefore[i - 1]! + (bounds.multiplier[i - 1] === 0 ? 1 : 0);
  }

  scan(i: number): ScannedRow {
    const { bounds, bound, own, found, listed, k } = this;
    const cols = bounds.cols;
    const m = bounds.multiplier[i]!;
    if (m === 0) return this.indifferent(i);
    const top = this.topBuffer;
    const topCount = this.best(i, listed + 1);
    // The last of the best by bound (the lowest, of equal ones the highest column) is the
    // (listed + 1)-th: the best row bound left out of the list.
    let worst = -1;
    if (topCount > listed) {
      worst = 0;
      for (let q = 1; q < topCount; q++) if (bound[top[q]!]! <= bound[top[worst]!]!) worst = q;
    }
    const rest = worst >= 0 ? bound[top[worst]!]! : -Infinity;
    // Plain loops, not typed arrays' filter/from with a callback: those cost ~100 ns an element.
    // Views of this scan's buffers: per-row typed arrays of this size are allocated outside
    // the heap, at about a microsecond each.
    let size = 0;
    for (let q = 0; q < topCount; q++) if (q !== worst && bound[top[q]!] !== -Infinity) this.listBuffer[size++] = top[q]!;
    const list = this.listBuffer.subarray(0, size);
    const listBounds = this.listBoundBuffer.subarray(0, size);
    for (let q = 0; q < size; q++) listBounds[q] = bound[list[q]!]!;
    // Pair bounds (−∞ while not computed) of the 2k listed columns of highest row bound; then
    // of the other listed columns whose row bound clears the bar those predict. A column
    // left out has a pair bound at most its row bound, below the prediction: it could
    // neither be among the k best nor be kept aside.
    const ownOfList = this.ownBuffer.subarray(0, size).fill(-Infinity);
    this.pairBoundsOf(i, list, this.topOf(listBounds, Math.min(list.length, 2 * k)), ownOfList);
    let bestOfList = this.topKnown(ownOfList, k);
    let predicted = this.barOf(ownOfList, bestOfList);
    const more = this.moreBuffer;
    let moreCount = 0;
    for (let q = 0; q < list.length; q++) {
      if (ownOfList[q] === -Infinity && priorityWeight(m, listBounds[q]! + 1e-8 * (1 + Math.abs(listBounds[q]!))) > predicted) more[moreCount++] = q;
    }
    // (On 5,000 rows of the 100,000 × 10,000 cohort, 55% needed none: their best stay as found.)
    if (moreCount > 0) {
      this.pairBoundsOf(i, list, more.subarray(0, moreCount), ownOfList);
      bestOfList = this.topKnown(ownOfList, k);
      predicted = this.barOf(ownOfList, bestOfList);
    }
    const picked = this.pickedBuffer.subarray(0, size).fill(0);
    const favoured = this.openFavoured(i);
    const chosen = favoured.slice();
    for (const q of bestOfList) {
      if (ownOfList[q] === -Infinity) continue;
      picked[q] = 1;
      if (!favoured.includes(list[q]!)) chosen.push(list[q]!);
    }
    const batch = this.sortedScratch(chosen);
    // Kept aside: listed columns beyond the batch, then columns outside the list, whose
    // bounds clear the prediction.
    let count = 0;
    const asideOfList: number[] = [];
    for (let q = 0; q < list.length; q++) {
      if (picked[q] === 0 && ownOfList[q]! > predicted && !favoured.includes(list[q]!)) {
        found[count++] = list[q]!;
        asideOfList.push(ownOfList[q]!);
      }
    }
    const fromList = count;
    if (priorityWeight(m, rest) > predicted) {
      // Every column whose bound clears the prediction was gathered, when the prediction is at
      // or above the gathering threshold: only those need a look. Otherwise every column does,
      // with its bound.
      const onlyGathered = this.gatheredCount >= 0 && m > 0 && predicted >= priorityWeight(m, this.gatheredAbove);
      if (!onlyGathered && !this.complete) {
        bounds.boundRowAbove(i, bound, Infinity, this.everyColumn);
        this.complete = true;
      }
      for (const j of list) bound[j] = -Infinity;
      for (const j of favoured) bound[j] = -Infinity;
      if (onlyGathered) {
        for (let q = 0; q < this.gatheredCount; q++) {
          const j = this.gathered[q]!;
          if (priorityWeight(m, bound[j]!) > predicted) found[count++] = j;
        }
      } else for (let j = 0; j < cols; j++) if (priorityWeight(m, bound[j]!) > predicted) found[count++] = j;
    }
    const columns = this.scratchColumns.take(count);
    columns.set(found.subarray(0, count));
    const asideBounds = this.scratchWeights.take(count);
    asideBounds.set(asideOfList);
    if (count > fromList) {
      bounds.boundsOf(i, columns.subarray(fromList), count - fromList, own);
      for (let q = fromList; q < count; q++) asideBounds[q] = priorityWeight(m, own[q - fromList]!);
    }
    return { list, rest, batch, aside: { columns, bounds: asideBounds, predicted } };
  }

  /**
   * A row whose multiplier is 0 (priority 0) weighs every allowed pair 0: its k best are any k
   * allowed columns. Ties going to the lower column would give every such row the same few
   * coaches, though such rows are the fillers of whatever places the others leave, wherever
   * those are (a scarce 10,000 × 1,500 cohort with a fifth of its coachees at priority 0 took
   * 13 rounds). So the n-th such row takes the columns with places in order from position
   * n · k on, wrapping (see {@link RowScan.choiceKeys}), and such rows together list every
   * coach. The first k of that order are evaluated; the bar is predicted at 0, so when bans
   * leave fewer than k, a rescan evaluates every other column with places. Nothing is listed:
   * the bound of the rest is the row's best bound, times 0 anyway.
   */
  private indifferent(i: number): ScannedRow {
    const { bounds, bound, k, openColumns } = this;
    const open = openColumns.length;
    bounds.boundRowAbove(i, bound, Infinity, this.everyColumn);
    this.complete = true;
    let rest = -Infinity;
    for (let j = 0; j < bounds.cols; j++) if (bound[j]! > rest) rest = bound[j]!;
    const start = this.indifferentStart(i);
    const batch = new Set(this.openFavoured(i));
    for (let q = 0; q < Math.min(open, k); q++) batch.add(openColumns[(start + q) % open]!);
    return {
      list: this.listBuffer.subarray(0, 0),
      rest,
      batch: Int32Array.from(batch).sort(),
      aside: { columns: new Int32Array(0), bounds: new Float64Array(0), predicted: 0 },
    };
  }

  /** Row i's favoured columns (preferred and current coaches) that have places. */
  private openFavoured(i: number): number[] {
    const { bounds } = this;
    const favoured: number[] = [];
    for (const j of bounds.favoured[i]!) if (bounds.open[j] === 1) favoured.push(j);
    return favoured;
  }

  /** Where row i's order of the columns with places starts (see {@link RowScan.indifferent}). */
  private indifferentStart(i: number): number {
    const open = this.openColumns.length;
    return open === 0 ? 0 : (this.indifferentBefore[i]! * this.k) % open;
  }

  /**
   * What row i's final choice ranks its evaluated columns (ascending) by: their weights (−∞
   * when banned); for a row that weighs every allowed pair 0, its own order instead (see
   * {@link RowScan.indifferent}): minus the column's place in it, −∞ when banned, in a view
   * valid until the next call.
   */
  choiceKeys(i: number, columns: Int32Array, weights: Float64Array): Float64Array {
    if (this.bounds.multiplier[i] !== 0) return weights;
    const open = this.openColumns.length;
    const start = this.indifferentStart(i);
    if (this.keyBuffer.length < columns.length) this.keyBuffer = new Float64Array(Math.max(columns.length, 2 * this.keyBuffer.length));
    const keys = this.keyBuffer.subarray(0, columns.length);
    for (let q = 0; q < columns.length; q++) {
      keys[q] = weights[q] === -Infinity ? -Infinity : -((this.openPosition[columns[q]!]! - start + open) % open);
    }
    return keys;
  }

  /** The given columns, ascending, in a view of this scan's scratch (valid as long as the chunk needs it). */
  sortedScratch(columns: readonly number[]): Int32Array {
    const view = this.scratchColumns.take(columns.length);
    for (let q = 0; q < columns.length; q++) view[q] = columns[q]!;
    return view.sort();
  }

  /** Every column outside `batch` whose bounds clear `bar`, ascending. */
  rescan(i: number, bar: number, batch: Int32Array): Int32Array {
    const { bounds, bound } = this;
    const m = bounds.multiplier[i]!;
    // Every bound times 0 clears a bar below 0: every column with places.
    if (m === 0) {
      const inBatch = new Set(batch);
      return this.openColumns.filter((j) => !inBatch.has(j));
    }
    bounds.boundRowAbove(i, bound, Infinity, this.found);
    for (const j of batch) bound[j] = -Infinity;
    const more: number[] = [];
    for (let j = 0; j < bounds.cols; j++) if (priorityWeight(m, bound[j]!) > bar && priorityWeight(m, bounds.boundAt(i, j)) > bar) more.push(j);
    return Int32Array.from(more);
  }

  /** The positions of the `want` largest of `values` (ties to the lower position), ascending: a view, valid until the next call. */
  private topOf(values: Float64Array, want: number): Int32Array {
    const count = topInOrder(values, values.length, want, this.workBuffer, this.positionBuffer);
    return this.positionBuffer.subarray(0, count);
  }

  /**
   * The positions of the `want` largest known (not −∞) of `values`, ties to the lower
   * position, ascending: a view, valid until the next call. Only a third or so of a list's
   * pair bounds are known, so the selection runs on those alone.
   */
  private topKnown(values: Float64Array, want: number): Int32Array {
    const known = this.knownPositions;
    const knownValues = this.knownValues;
    let n = 0;
    // Each written where the next known one goes (no branch on which are known: they lie
    // where the row bounds put them, in no order a predictor could learn).
    for (let q = 0; q < values.length; q++) {
      const v = values[q]!;
      known[n] = q;
      knownValues[n] = v;
      n += +(v !== -Infinity);
    }
    const count = topInOrder(knownValues, n, want, this.workBuffer, this.positionBuffer);
    const top = this.positionBuffer;
    for (let q = 0; q < count; q++) top[q] = known[top[q]!]!;
    return top.subarray(0, count);
  }

  /** Row i's pair bounds, times its multiplier, of the listed columns at positions `sorted` (ascending) into `into`. */
  private pairBoundsOf(i: number, list: Int32Array, sorted: Int32Array, into: Float64Array): void {
    const { own, found } = this;
    const m = this.bounds.multiplier[i]!;
    for (let q = 0; q < sorted.length; q++) found[q] = list[sorted[q]!]!;
    this.bounds.boundsOf(i, found, sorted.length, own);
    for (let q = 0; q < sorted.length; q++) into[sorted[q]!] = priorityWeight(m, own[q]!);
  }

  /**
   * The k-th best pair bound so far (`best`: the positions of the k best), a little lower (the
   * pair bounds carry a rounding allowance the weights do not): what the k-th best weight is
   * predicted to reach; −∞ when fewer than k are known.
   */
  private barOf(own: Float64Array, best: Int32Array): number {
    let kth = best.length < this.k ? -Infinity : Infinity;
    for (const q of best) kth = Math.min(kth, own[q]!);
    return kth - 4e-9 * (1 + Math.abs(kth));
  }

  /**
   * Row i's `want` columns of highest row bound (ties to the lower column), ascending, into
   * `topBuffer`; returns how many. Also fills `bound` (−∞ for columns without places) at the
   * gathered columns, or everywhere when it took all (`complete`). The scan gathers the
   * columns that reach a threshold read off a sample of the row, reading only those whose fit
   * could (see gatherAbove), so the choice sees a few hundred columns instead of all; when
   * fewer than `want` reach it, it takes all. The answer never depends on the threshold:
   * gathered columns ascend, so ties still go to the lower column.
   */
  private best(i: number, want: number): number {
    const { bounds, bound, found } = this;
    const threshold = this.threshold(i, want);
    // Below a finite threshold only the gathered columns' bounds are written (see gatherAbove).
    this.complete = threshold === -Infinity;
    const n = this.complete ? bounds.boundRowAbove(i, bound, threshold, found) : bounds.gatherAbove(i, bound, threshold, found);
    this.gatheredCount = n < want ? -1 : n;
    if (n < want) {
      if (!this.complete) bounds.boundRowAbove(i, bound, Infinity, this.everyColumn);
      this.complete = true;
      return topInOrder(bound, bounds.cols, want, this.subsetBuffer, this.topBuffer);
    }
    this.gathered.set(found.subarray(0, n));
    this.gatheredAbove = threshold;
    const subset = this.subsetBuffer.subarray(0, n);
    for (let q = 0; q < n; q++) subset[q] = bound[found[q]!]!;
    const top = this.topBuffer;
    const count = topInOrder(subset, n, want, this.workBuffer, top);
    for (let q = 0; q < count; q++) top[q] = found[top[q]!]!;
    return count;
  }

  /**
   * A row bound that about GATHER_FACTOR times `want` of row i's columns reach: the matching rank among
   * every SAMPLE_STRIDE-th column. −∞ (gather everything) when the row is too short to sample.
   */
  private threshold(i: number, want: number): number {
    const { cols } = this.bounds;
    const size = Math.floor(cols / SAMPLE_STRIDE);
    if (want * 4 > cols || size < 16) return -Infinity;
    const rank = Math.min(size, Math.ceil((GATHER_FACTOR * want * size) / cols) + 4);
    this.bounds.rowBoundsOf(i, this.sample, size, this.sampled);
    // The rank's value alone: no positions needed.
    return largestAt(this.sampled, size, rank, this.workBuffer);
  }
}
