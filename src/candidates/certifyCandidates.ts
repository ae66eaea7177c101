import { priorityWeight } from '../policies/priorityWeight.js';
import { CoachmatchError } from '../errors.js';
import { findColumn, sparsePairSet } from '../features/pairSet.js';
import type { PairBounds } from './pairBounds.js';
import { NearestColumns } from './nearestColumns.js';
import type { TopBounds } from './topBounds.js';
import { topByValue } from './topByValue.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
import { LowDualColumns, unionAscending } from './lowDualColumns.js';
import { WeightLog, type KnownWeights } from './weightLog.js';
import { sameFloats, sameInts, TwinSources } from './twinVerdicts.js';
import { boundSuspects, largestUnpicked, listSuspects, tolerance, type RowCheck } from './rowSuspects.js';

export type { KnownWeights };

/** Row and column duals, as the solver gives them or as typed arrays. */
export interface DualValues {
  readonly row: ArrayLike<number>;
  readonly col: ArrayLike<number>;
}

/** Rows of suspects held at once when their weights are mostly known (bounds the pending lists). */
const CHUNK_ROWS = 20_000;

/**
 * Violating pairs kept per row by default, the most violating first. Adding every violator
 * after a first solve whose prices are far from the full problem's would swell the next solve
 * with pairs the new prices make useless; a few per row is column generation's usual pace.
 */
export const KEPT_PER_ROW = 8;

/**
 * What one certificate leaves for the next: its duals and, per row, its few nearest columns
 * (least slack, `row dual + column dual − bound or exact weight`) and a slack that no other
 * pair then left out undercut (−∞ for a row with a violation). Under new duals the other
 * pairs keep that slack less the row dual's fall and their column dual's fall, so a row
 * with room to spare needs a look at its nearest columns only.
 */
export interface CertificateMemory {
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  readonly margin: Float64Array;
  /** Row i's nearest columns: `near[i · NEAREST_KEPT ..]`, `nearCount[i]` of them, ascending. */
  readonly near: Int32Array;
  /** Their slacks (at most their true slacks), in the same places. */
  readonly nearSlack: Float64Array;
  readonly nearCount: Uint8Array;
}

/** Nearest columns a certificate remembers per row. */
const NEAREST_KEPT = 16;

/** Under a cap, suspects per allowed one whose own bound is computed (the rest stay unverified). */
const SUSPECTS_REFINED = 2;

/**
 * Columns of lowest dual a row may check one by one, as a share of the columns, rather than scan
 * its every column (see {@link LowDualColumns}): one such check costs about two of a scan's.
 */
const LOW_DUAL_SHARE = 1 / 16;

/** Share of columns whose dual fell most that a row cleared by its margin still checks one by one. */
const MOVED_SHARE = 0.01;

/** What a certificate may reuse from earlier work, and how far it goes. */
export interface CertifyOptions {
  /** Exact weights already known (see {@link KnownWeights}). */
  readonly known?: KnownWeights | null;
  /** Return the exact weights of this certificate's suspects as `known`. */
  readonly remember?: boolean;
  /** The previous certificate's memory, for rows whose slack covers how far the duals moved. */
  readonly before?: CertificateMemory | null;
  /** Suspects evaluated per row at most; beyond, the certificate cannot certify (see `unverified`). */
  readonly capPerRow?: number;
  /** Each row's columns of highest bound, from the selection: a row whose duals cover the rest is checked on its list alone. */
  readonly top?: TopBounds | null;
  /** The problem row of `candidates[0]` (and of every other per-row input): a helper thread checks a range of rows. */
  readonly offset?: number;
  /**
   * Check every row on its list (and remembered nearest columns) alone, scanning none in
   * full: partial pricing, for rounds that are sure to find violations. What it skips counts
   * as unverified, so such a certificate never certifies.
   */
  readonly listsOnly?: boolean;
  /** Violating pairs kept per row (default {@link KEPT_PER_ROW}). */
  readonly keptPerRow?: number;
  /**
   * Give a row the verdict of an exact twin checked before it when every input of the check
   * is the same (see {@link TwinSources}), rather than check it again (default true): the
   * verdict is the same either way.
   */
  readonly copyTwins?: boolean;
  /** Called every ROWS_PER_HEARTBEAT rows: a helper thread's heartbeat, so a long certificate is not taken for a stall. */
  readonly onRows?: () => void;
  /**
   * Also keep, after a row's violators and within the same `keptPerRow`, near pairs of rows
   * with a multiplier above 0: short of violating by more than rounding (a tie is no near
   * pair) and by less than this share of `1 + |row dual + column dual|` (default 0: none).
   * They are sought among the suspects weighed anyway and among the row's nearest columns by
   * bound (at most `keptPerRow` of these weighed more a row, so a cohort whose bounds put many
   * columns near, as one of few kinds of coachee does, does not weigh them all), and they are not
   * violations: `violations`, `gap`, the cleared counts and what is unverified stay as without
   * them; only which pairs `violators` lists changes.
   */
  readonly nearShare?: number;
}

/** Rows between two heartbeats of a certificate (see CertifyOptions.onRows): a few milliseconds of work. */
const ROWS_PER_HEARTBEAT = 1024;

/** The verdict of one certificate over the pairs outside the candidates. */
export interface CertificateOutcome {
  readonly clearedByBound: number;
  readonly clearedExactly: number;
  /**
   * Per row, pairs whose exact weight exceeds `row dual + column dual` (they could improve
   * the total): the most violating few of them; then, with `nearShare`, the nearest to
   * violating of the others, up to the same number in all.
   */
  readonly violators: Map<number, number[]>;
  /** All violating pairs found, kept or not. */
  readonly violations: number;
  /**
   * Σ over rows of the row's largest violation: raising each row dual by it makes the duals
   * feasible for every pair, so the optimum is at most this much above the current total.
   * Where suspects were left unevaluated, their bounds stand in for their weights (a looser
   * bound, never a lower one). Null only when such a bound is not finite.
   */
  readonly gap: number | null;
  /**
   * The rows' largest violations (or their bounds, see `gap`), in row order, whose sum (in that order) is `gap`: rows
   * certified in two ranges, by two threads, add up to the same gap wherever the ranges meet.
   */
  readonly gapTerms: Float64Array;
  /** Suspects left unevaluated under `capPerRow`: while any are, nothing is certified (and `gap` is a bound by their bounds). */
  readonly unverified: number;
  /** Exact weights of every suspect of this certificate, when asked for with `remember`. */
  readonly known: KnownWeights | null;
  /** For the next certificate of the same candidates or more (see {@link CertificateMemory}). */
  readonly memory: CertificateMemory;
}

/**
 * Checks LP dual feasibility on every pair outside the candidates: `w(i, j) <= row[i] + col[j]`
 * proves that adding the pair cannot improve the optimum. Each pair is first tested with its
 * bound (a table lookup); only a pair whose bound fails is evaluated exactly, in chunks.
 *
 * @param exactWeights solver weights (NaN when banned) of the given suspect pairs.
 */
export function certifyCandidates(
  bounds: PairBounds,
  candidates: readonly Int32Array[],
  duals: DualValues,
  exactWeights: (pairs: ReturnType<typeof sparsePairSet>) => Float64Array,
  options: CertifyOptions = {},
): CertificateOutcome {
  const { known = null, remember = false, before = null, capPerRow = Infinity, top = null, listsOnly = false, offset = 0, keptPerRow = KEPT_PER_ROW, nearShare = 0, copyTwins = true, onRows } = options;
  const { cols, multiplier, unit } = bounds;
  // Rows offset, offset + 1, …: everything per row here (candidates, row duals, known
  // weights, memory, lists) counts from the first of them; the bounds and the exact weights
  // count from the problem's first row.
  const rows = candidates.length;
  const bound = new Float64Array(cols);
  // Per row only the most violating few and the largest violation: a first round at
  // 100,000 × 10,000 can find millions of violators, too many to keep as objects.
  const found = new Map<number, { col: number; by: number }[]>();
  const largest = new Map<number, number>();
  // Per row with pairs left unverified, a bound on how far any of them can violate (from
  // their bounds): the gap stays a bound of what is missing even then.
  const unverifiedAtMost = new Map<number, number>();
  const leaveOut = (row: number, atMost: number) => {
    if (atMost > 0) unverifiedAtMost.set(row, Math.max(unverifiedAtMost.get(row) ?? 0, atMost));
  };
  // A near pair (`by` below 0) ranks below every violator of its row, and adds nothing to the gap.
  const keep = (row: number, col: number, by: number, violates: boolean) => {
    if (violates) largest.set(row, Math.max(largest.get(row) ?? -Infinity, by));
    const list = found.get(row);
    if (list === undefined) {
      found.set(row, [{ col, by }]);
      return;
    }
    if (list.length < keptPerRow) {
      list.push({ col, by });
      return;
    }
    // Replace the least violating kept pair (ties keep the lower column, as the final sort does).
    let least = 0;
    for (let q = 1; q < list.length; q++) {
      const a = list[q]!;
      const b = list[least]!;
      if (a.by < b.by || (a.by === b.by && a.col > b.col)) least = q;
    }
    const worst = list[least]!;
    if (by > worst.by || (by === worst.by && col < worst.col)) list[least] = { col, by };
  };
  let violations = 0;
  let unverified = 0;
  let clearedByBound = 0;
  let clearedExactly = 0;
  // Suspects in row order; a weight already known is carried, NaN-free, with its flag set.
  let pending: { row: number; cols: number[]; weights: number[]; isKnown: boolean[]; isNear: boolean[] }[] = [];
  let pendingPairs = 0;
  const memory = remember ? new WeightLog(rows) : null;
  const flush = () => {
    if (pending.length === 0) return;
    const rowStart = new Int32Array(bounds.rows + 1);
    const unknownOf = new Map(pending.map((p) => [p.row + offset, p.cols.filter((_, k) => !p.isKnown[k])]));
    for (let i = 0; i < bounds.rows; i++) rowStart[i + 1] = rowStart[i]! + (unknownOf.get(i)?.length ?? 0);
    const colIndex = new Int32Array(pendingPairs);
    for (const [row, list] of unknownOf) colIndex.set(list, rowStart[row]!);
    const fresh = pendingPairs > 0 ? exactWeights(sparsePairSet(bounds.rows, cols, rowStart, colIndex)) : new Float64Array(0);
    for (const p of pending) {
      let next = rowStart[p.row + offset]!;
      for (let k = 0; k < p.cols.length; k++) {
        const j = p.cols[k]!;
        const w = p.isKnown[k] ? p.weights[k]! : fresh[next++]!;
        memory?.add(p.row, j, w);
        const covered = duals.row[p.row]! + duals.col[j]!;
        const isNear = !Number.isNaN(w) && covered - w > tolerance(covered, unit) && covered - w < nearOfRow(p.row) * (unit + Math.abs(covered));
        // A near column was cleared by its bound already: it is kept or not, and counts nowhere.
        if (p.isNear[k]) {
          if (isNear) keep(p.row, j, w - covered, false);
          continue;
        }
        if (Number.isNaN(w)) {
          clearedExactly++;
          if (twins !== null) twins.clearedExactly[p.row]!++;
        } else if (w <= covered + tolerance(covered, unit)) {
          clearedExactly++;
          if (twins !== null) twins.clearedExactly[p.row]!++;
          margin[p.row] = Math.min(margin[p.row]!, covered - w);
          if (isNear) keep(p.row, j, w - covered, false);
        } else {
          violations++;
          if (twins !== null) twins.violations[p.row]!++;
          margin[p.row] = -Infinity;
          keep(p.row, j, w - covered, true);
        }
      }
    }
    pending = [];
    pendingPairs = 0;
  };
  const nearOfRow = (row: number) => (multiplier[offset + row]! > 0 ? nearShare : 0);
  const rowDual = Float64Array.from(duals.row);
  const colDual = Float64Array.from(duals.col);
  const margin = new Float64Array(rows).fill(Infinity);
  const { moved, tau, fall } = before === null ? { moved: new Int32Array(0), tau: 0, fall: new Float64Array(cols) } : movedColumns(before.colDual, colDual);
  let leastColDual = Infinity;
  for (let j = 0; j < cols; j++) if (bounds.open[j] === 1 && colDual[j]! < leastColDual) leastColDual = colDual[j]!;
  const lowDual = top === null ? null : new LowDualColumns(colDual, bounds.open, Math.floor(LOW_DUAL_SHARE * cols));
  const listed = new Int32Array(cols);
  const buffer = new Int32Array(cols);
  const slack = new Float64Array(3);
  const scratch = new Float64Array(cols);
  const pairScratch = new Float64Array(cols);
  const markScratch = new Uint8Array(cols);
  const nearest = new NearestColumns(NEAREST_KEPT);
  const near = new Int32Array(rows * NEAREST_KEPT);
  const nearSlack = new Float64Array(rows * NEAREST_KEPT);
  const nearCount = new Uint8Array(rows);
  const recheck = new Int32Array(moved.length + NEAREST_KEPT);
  // Which row's nearest column a column is (row + 1), to tell them from the moved ones.
  const nearOf = new Int32Array(cols);
  const twins = copyTwins && bounds.twinOf !== undefined ? new TwinSources(bounds.twinOf, offset, rows) : null;
  /** Whether every input of row i's check is row s's (s an exact twin of i, checked before it): then so is its verdict. */
  const sameInputs = (s: number, i: number): boolean =>
    rowDual[s] === rowDual[i] &&
    sameInts(candidates[s]!, 0, candidates[s]!.length, candidates[i]!, 0, candidates[i]!.length) &&
    (top === null || (top.rest[s] === top.rest[i] && sameInts(top.colIndex, top.start[s]!, top.end[s]!, top.colIndex, top.start[i]!, top.end[i]!))) &&
    (known === null || (sameInts(known.colIndex, known.rowStart[s]!, known.rowStart[s + 1]!, known.colIndex, known.rowStart[i]!, known.rowStart[i + 1]!) && sameFloats(known.weight, known.rowStart[s]!, known.weight, known.rowStart[i]!, known.rowStart[i + 1]! - known.rowStart[i]!))) &&
    (before === null ||
      (before.margin[s] === before.margin[i] &&
        before.rowDual[s] === before.rowDual[i] &&
        before.nearCount[s] === before.nearCount[i] &&
        sameInts(before.near, s * NEAREST_KEPT, s * NEAREST_KEPT + before.nearCount[s]!, before.near, i * NEAREST_KEPT, i * NEAREST_KEPT + before.nearCount[i]!) &&
        sameFloats(before.nearSlack, s * NEAREST_KEPT, before.nearSlack, i * NEAREST_KEPT, before.nearCount[i]!)));
  for (let i = 0; i < rows; i++) {
    if (i % ROWS_PER_HEARTBEAT === 0) onRows?.();
    if (twins !== null && twins.copies(i, sameInputs)) continue;
    const m = multiplier[offset + i]!;
    const inside = candidates[i]!;
    requireFavoured(bounds, offset + i, inside);
    let count: number;
    // Columns of this row neither cleared nor suspected: left for a later, fuller certificate.
    let skipped = 0;
    const room = before === null ? -Infinity : before.margin[i]! - Math.max(0, before.rowDual[i]! - rowDual[i]!) - tau;
    const leastCovered = top === null || m < 0 ? -Infinity : rowDual[i]! + leastColDual - priorityWeight(m, top.rest[i]!);
    // The least dual falls short: the columns of lowest dual are checked with the list, and the
    // rest covered by the dual above them, where the row would otherwise be scanned in full.
    // Partial pricing takes only columns held at their minimum load (duals below 0) so, and
    // skips the rest otherwise: columns merely cheap had added violators by the hundred
    // thousand to a scarce first round (40,000 × 4,000, 20,122 places: 4 → 5 rounds, 14 → 18 s).
    const low = top === null || m < 0 || leastCovered >= 0 ? null : lowDual!.cover(rowDual[i]!, priorityWeight(m, top!.rest[i]!), listsOnly);
    const restCovered = low === null ? leastCovered : rowDual[i]! + low.cut - priorityWeight(m, top!.rest[i]!);
    nearest.reset();
    const check: RowCheck = { row: offset + i, m, rowDual: rowDual[i]!, inside, colDual, pairBounds: bounds, out: buffer, slack, own: scratch, pair: pairScratch, mark: markScratch, nearest };
    if (room >= 0) {
      // Every column whose dual fell by at most τ, other than the row's nearest, still leaves
      // this row a non-negative slack. Of the columns whose dual fell further, only those
      // that fell by more than the row's old margin (less its own dual's fall) need a look;
      // of the nearest, those whose kept slack the falls may have used up. A row with none
      // such is cleared without computing a single bound.
      const from = i * NEAREST_KEPT;
      const base = before!.margin[i]! - Math.max(0, before!.rowDual[i]! - rowDual[i]!);
      const nearTo = from + before!.nearCount[i]!;
      for (let q = from; q < nearTo; q++) nearOf[before!.near[q]!] = i + 1;
      let need = 0;
      let restLeast = room;
      for (const j of moved) {
        if (nearOf[j] === i + 1) continue;
        if (fall[j]! > base) recheck[need++] = j;
        else restLeast = Math.min(restLeast, base - fall[j]!);
      }
      const safe: number[] = [];
      for (let q = from; q < nearTo; q++) {
        const j = before!.near[q]!;
        const left = before!.nearSlack[q]! - (before!.margin[i]! - base) - fall[j]!;
        if (left >= 0) safe.push(j, left);
        else recheck[need++] = j;
      }
      if (need > 0) count = listSuspects(check, recheck.subarray(0, need).sort());
      else {
        count = 0;
        slack[0] = Infinity;
      }
      for (let q = 0; q < safe.length; q += 2) nearest.offer(safe[q]!, safe[q + 1]!);
      margin[i] = Math.min(restLeast, slack[0]!, nearest.leastOut);
    } else if (restCovered >= 0 || (listsOnly && top !== null)) {
      // No column outside the row's list (and the low set) can beat the row dual plus the least column dual (outside the set).
      const from = top!.start[i]!;
      const to = top!.end[i]!;
      const list = top!.colIndex.subarray(from, to);
      const columns = low === null ? list : unionAscending(list, low.columns, listed);
      count = listSuspects(check, columns);
      margin[i] = Math.min(restCovered, slack[0]!, nearest.leastOut);
      // The rest of the row goes unscanned. Listed columns may be candidates too, so this
      // count can miss some; at least one keeps the certificate from certifying.
      if (restCovered < 0) {
        skipped = Math.max(1, cols - inside.length - columns.length);
        // Each column left out of the list has a bound of at most the rest's, and a dual of at least the least.
        leaveOut(i, -restCovered);
      }
    } else {
      bounds.boundRow(offset + i, bound);
      count = boundSuspects(check, bound, SUSPECTS_REFINED * capPerRow);
      margin[i] = Math.min(slack[0]!, nearest.leastOut);
      skipped = slack[1]!;
      if (skipped > 0) {
        margin[i] = -Infinity;
        leaveOut(i, slack[2]! - rowDual[i]!);
      }
    }
    nearCount[i] = nearest.writeKept(near, nearSlack, i * NEAREST_KEPT);
    unverified += skipped;
    clearedByBound += Math.max(0, cols - inside.length - count - skipped);
    if (twins !== null) {
      twins.unverified[i] = skipped;
      twins.clearedByBound[i] = Math.max(0, cols - inside.length - count - skipped);
    }
    const share = nearOfRow(i);
    const close = share > 0 ? closeColumns(near, nearSlack, i * NEAREST_KEPT, nearCount[i]!, rowDual[i]!, colDual, share, keptPerRow, unit) : [];
    if (count === 0 && close.length === 0) continue;
    if (count > capPerRow) {
      // Only the suspects most likely to violate are evaluated: this certificate then cannot
      // certify, and the row is scanned in full next time.
      const excess = new Float64Array(count);
      bounds.boundsOf(offset + i, buffer, count, excess);
      for (let q = 0; q < count; q++) excess[q] = priorityWeight(m, excess[q]!) - (rowDual[i]! + colDual[buffer[q]!]!);
      const picked = topByValue(excess, capPerRow);
      // The most a suspect left out can violate: the largest excess not picked.
      leaveOut(i, largestUnpicked(excess, count, picked, markScratch));
      const chosen = Int32Array.from(picked, (q) => buffer[q]!).sort();
      buffer.set(chosen);
      unverified += count - chosen.length;
      if (twins !== null) twins.unverified[i]! += count - chosen.length;
      count = chosen.length;
      margin[i] = -Infinity;
    }
    // The suspects and the close columns (disjoint: these were cleared by their bounds), ascending.
    const { columns: suspects, second: isNear } = mergeAscending(buffer.subarray(0, count), close);
    const weights: number[] = new Array(suspects.length);
    const isKnown: boolean[] = new Array(suspects.length);
    let unknown = 0;
    // Walks row i of the known weights alongside the suspects (both ascending).
    let at = known === null ? 0 : known.rowStart[i]!;
    const end = known === null ? 0 : known.rowStart[i + 1]!;
    for (let q = 0; q < suspects.length; q++) {
      const j = suspects[q]!;
      while (at < end && known!.colIndex[at]! < j) at++;
      const hit = at < end && known!.colIndex[at] === j;
      weights[q] = hit ? known!.weight[at]! : 0;
      isKnown[q] = hit;
      if (!hit) unknown++;
    }
    pending.push({ row: i, cols: suspects, weights, isKnown, isNear });
    pendingPairs += unknown;
    if (pendingPairs >= EVALUATION_CHUNK_PAIRS || pending.length >= CHUNK_ROWS) flush();
  }
  flush();
  // Rows that took a twin's verdict: its violators, terms, margin, nearest columns and counts.
  for (let i = 0; twins !== null && i < rows; i++) {
    const s = twins.sourceOf[i]!;
    if (s < 0) continue;
    const list = found.get(s);
    if (list !== undefined) found.set(i, list.map((v) => ({ ...v })));
    const most = largest.get(s);
    if (most !== undefined) largest.set(i, most);
    const atMost = unverifiedAtMost.get(s);
    if (atMost !== undefined) unverifiedAtMost.set(i, atMost);
    margin[i] = margin[s]!;
    memory?.copyRow(i, s);
    nearCount[i] = nearCount[s]!;
    near.copyWithin(i * NEAREST_KEPT, s * NEAREST_KEPT, (s + 1) * NEAREST_KEPT);
    nearSlack.copyWithin(i * NEAREST_KEPT, s * NEAREST_KEPT, (s + 1) * NEAREST_KEPT);
    violations += twins.violations[s]!;
    clearedExactly += twins.clearedExactly[s]!;
    clearedByBound += twins.clearedByBound[s]!;
    unverified += twins.unverified[s]!;
  }
  const violators = new Map<number, number[]>();
  // In row order (as the checks went), copied rows among the others.
  for (const [row, list] of [...found].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => b.by - a.by || a.col - b.col);
    violators.set(row, list.map((v) => v.col));
  }
  // Per row, its largest violation found or, where pairs went unverified, the bound of theirs if higher.
  const rowTerms = new Map(largest);
  for (const [row, atMost] of unverifiedAtMost) rowTerms.set(row, Math.max(rowTerms.get(row) ?? 0, atMost));
  const gapTerms = Float64Array.from([...rowTerms].sort((a, b) => a[0] - b[0]), ([, most]) => most);
  const gap = sumInOrder(gapTerms);
  return {
    clearedByBound,
    clearedExactly,
    violators,
    violations,
    unverified,
    gap: Number.isFinite(gap) ? gap : null,
    gapTerms,
    known: memory?.finish() ?? null,
    memory: { rowDual, colDual, margin, near, nearSlack, nearCount },
  };
}

/**
 * Throws unless row's favoured columns with places are all among its candidates (ascending):
 * the bounds leave out a favoured pair's bonus, so one left out could be cleared by a bound
 * below its weight, and a suboptimal matching certified.
 */
function requireFavoured(bounds: PairBounds, row: number, inside: Int32Array): void {
  for (const j of bounds.favoured[row]!) {
    if (bounds.open[j] === 1 && findColumn(inside, 0, inside.length, j) < 0) {
      throw new CoachmatchError('internal', `candidate row ${row} lacks its favoured column ${j}, which the bounds do not cover: no certificate can be given`);
    }
  }
}

/**
 * Of a row's nearest columns (ascending, with slacks at most their true ones), those whose
 * slack is above rounding and below `share` of `unit + |row dual + column dual|`: at most `most`,
 * the least slack first (ties to the lower column), returned ascending. These are weighed
 * exactly to find near pairs (see CertifyOptions.nearShare).
 */
function closeColumns(near: Int32Array, nearSlack: Float64Array, from: number, count: number, rowDual: number, colDual: Float64Array, share: number, most: number, unit: number): number[] {
  const close: { col: number; slack: number }[] = [];
  for (let q = from; q < from + count; q++) {
    const j = near[q]!;
    const covered = rowDual + colDual[j]!;
    // A slack within rounding is a tie, which the exact weight cannot make near.
    if (nearSlack[q]! > tolerance(covered, unit) && nearSlack[q]! < share * (unit + Math.abs(covered))) close.push({ col: j, slack: nearSlack[q]! });
  }
  if (close.length > most) close.sort((a, b) => a.slack - b.slack || a.col - b.col).length = most;
  return close.map((c) => c.col).sort((a, b) => a - b);
}

/** Two disjoint ascending lists as one, with whether each entry came from the second. */
function mergeAscending(first: Int32Array, second: readonly number[]): { columns: number[]; second: boolean[] } {
  const columns: number[] = [];
  const fromSecond: boolean[] = [];
  for (let a = 0, b = 0; a < first.length || b < second.length; ) {
    const takeSecond = a >= first.length || (b < second.length && second[b]! < first[a]!);
    columns.push(takeSecond ? second[b++]! : first[a++]!);
    fromSecond.push(takeSecond);
  }
  return { columns, second: fromSecond };
}

/**
 * The columns whose dual fell the most since `before` (at most {@link MOVED_SHARE} of them,
 * ascending), τ, the largest fall among the others, and every column's fall.
 */
function movedColumns(before: Float64Array, now: Float64Array): { moved: Int32Array; tau: number; fall: Float64Array } {
  const fall = Float64Array.from(now, (v, j) => Math.max(0, before[j]! - v));
  const sorted = Float64Array.from(fall).sort();
  const allowed = Math.ceil(MOVED_SHARE * fall.length);
  const tau = sorted.length > allowed ? sorted[sorted.length - 1 - allowed]! : 0;
  const moved: number[] = [];
  for (let j = 0; j < fall.length; j++) if (fall[j]! > tau) moved.push(j);
  return { moved: Int32Array.from(moved), tau, fall };
}

/** The sum of `terms`, first to last: the one order every split of the rows keeps (see CertificateOutcome.gapTerms). */
export function sumInOrder(terms: Float64Array): number {
  let sum = 0;
  for (const term of terms) sum += term;
  return sum;
}
