import type { NormalizedProblem } from './normalizedProblem.js';
import { smallestOfRow } from './smallestOfRow.js';

/** The pairs a cache bids over: a problem's rows, columns and costs. */
export type BidPairs = Pick<NormalizedProblem, 'rowStart' | 'colIndex' | 'cost'>;

/**
 * Columns a row keeps from its last full scan (see {@link BidCache}). A coach's places, as rows
 * of 40,000 × 4,000's first places solve (about 500 coachees each): 4 kept took 3.0 s, 8 2.3 s,
 * 16 2.25–2.27 s, 32 2.34–2.37 s; every row scanned, 3.15–3.39 s.
 */
const KEPT = 16;

/**
 * Rows this long or shorter are scanned at every bid, as before the cache: on 40,000 × 4,000's
 * candidate pairs (48 a coachee), the cache made the first solve 1.52–1.66 s against 1.18–1.24 s.
 */
const SCANNED_LENGTH = 4 * KEPT;

/**
 * A row's bid without reading its whole row, most of the time. At a full scan a row keeps its
 * KEPT (or `keep`) pairs of least value (cost plus the column's price; ties in pair order) and the least
 * value of the rest, its bar. Prices only rise while the cache is valid, so every pair left out
 * is still worth the bar or more: when the kept pairs' best now is below the bar and their second
 * best at most the bar, they are the row's best and second best, the very pair a full scan
 * would pick (the first of least value). Otherwise the row is scanned again. The auction's
 * rows on places are whole coaches' lists, hundreds of pairs, and a bid mostly moves only a
 * price or two.
 *
 * {@link invalidate} must be called whenever a price may have fallen.
 */
export class BidCache {
  /** Per row, where its cache is (−1: none, the row is short). */
  private readonly slot: Int32Array;
  private readonly pair: Int32Array;
  private readonly kept: Int32Array;
  private readonly bar: Float64Array;
  private readonly valid: Uint8Array;
  /** Scratch for a scan: the keep + 1 least values so far, ascending, and their pairs. */
  private readonly leastValue: Float64Array;
  private readonly leastPair: Int32Array;
  /** The last bid's least and second least value, and the pair of the least (−1: the row has none). */
  best = Infinity;
  second = Infinity;
  bestPair = -1;
  /** Full scans made so far (the rest of the bids were answered from the kept pairs). */
  scans = 0;

  /**
   * `pairs`: the rows' pairs (see NormalizedProblem), read at every bid; only rows longer than
   * `scannedLength` are cached, the rest scanned at every bid. `twins`: each row's first identical row (see
   * twinRows), or null. Identical rows share one cache, their first row's: the same pairs at
   * the same prices have the same values, and a coach's places, which bid for the same
   * coachees one after another, find each other's scan.
   */
  constructor(
    private readonly pairs: BidPairs,
    private readonly twins: Int32Array | null = null,
    private readonly keep = KEPT,
    private readonly scannedLength = SCANNED_LENGTH,
  ) {
    const { rowStart } = pairs;
    const rows = rowStart.length - 1;
    // Room for the long rows only (each twin group once): a problem of short rows keeps nothing.
    this.slot = new Int32Array(rows).fill(-1);
    let slots = 0;
    for (let i = 0; i < rows; i++) {
      if (rowStart[i + 1]! - rowStart[i]! > scannedLength && (twins === null || twins[i] === i)) this.slot[i] = slots++;
    }
    this.pair = new Int32Array(slots * keep);
    this.leastValue = new Float64Array(keep + 1);
    this.leastPair = new Int32Array(keep + 1);
    this.kept = new Int32Array(slots);
    this.bar = new Float64Array(slots);
    this.valid = new Uint8Array(slots);
  }

  /** Forgets every row's scan (prices may have fallen). */
  invalidate(): void {
    this.valid.fill(0);
  }

  /** The row's best and second best value at `price` and its best pair, into {@link best}, {@link second}, {@link bestPair}. */
  bid(row: number, price: Float64Array): void {
    const i = this.twins === null ? row : this.twins[row]!;
    const at = this.slot[i]!;
    if (at < 0) return this.plainScan(i, price);
    if (this.valid[at] === 1 && this.fromKept(at, price)) return;
    this.scan(i, at, price);
  }

  /** The bid from the kept pairs of cache `at`, when they settle it. */
  private fromKept(at: number, price: Float64Array): boolean {
    const { pair } = this;
    const { colIndex, cost } = this.pairs;
    let best = Infinity;
    let second = Infinity;
    let bestPair = -1;
    for (let q = at * this.keep, end = q + this.kept[at]!; q < end; q++) {
      const k = pair[q]!;
      const v = cost[k]! + price[colIndex[k]!]!;
      // Kept by value at the scan, not by pair: of equal values the first pair wins, as in a scan.
      if (v < best || (v === best && k < bestPair)) {
        second = best;
        best = v;
        bestPair = k;
      } else if (v < second) second = v;
    }
    const bar = this.bar[at]!;
    if (!(best < bar && second <= bar)) return false;
    this.best = best;
    this.second = Math.min(second, bar);
    this.bestPair = bestPair;
    return true;
  }

  /** Row i's bid by a scan of the whole row, the short rows' way. */
  private plainScan(i: number, price: Float64Array): void {
    const { rowStart, colIndex, cost } = this.pairs;
    let best = Infinity;
    let second = Infinity;
    let bestPair = -1;
    for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
      const v = cost[k]! + price[colIndex[k]!]!;
      if (v < best) {
        second = best;
        best = v;
        bestPair = k;
      } else if (v < second) second = v;
    }
    this.scans++;
    this.best = best;
    this.second = second;
    this.bestPair = bestPair;
  }

  /** Row i's bid by a scan of the whole row, which fills cache `at` anew. */
  private scan(i: number, at: number, price: Float64Array): void {
    const { rowStart, colIndex, cost } = this.pairs;
    const { leastValue, leastPair, keep } = this;
    this.scans++;
    const count = smallestOfRow(rowStart, colIndex, cost, price, i, keep + 1, leastPair, leastValue);
    const kept = Math.min(count, keep);
    this.pair.set(leastPair.subarray(0, kept), at * keep);
    this.kept[at] = kept;
    this.bar[at] = count > keep ? leastValue[keep]! : Infinity;
    this.valid[at] = 1;
    this.best = count > 0 ? leastValue[0]! : Infinity;
    this.second = count > 1 ? leastValue[1]! : Infinity;
    this.bestPair = count > 0 ? leastPair[0]! : -1;
  }
}
