import type { AssignmentResult } from '../solver/types.js';
import { addColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';
import { BoundedBest } from './boundedBest.js';
import { topByValue } from './topByValue.js';

/** Pairs added per spare place, and per unplaced coachee. */
const PER_PLACE = 4;
const PER_ROW = 4;

/**
 * When the candidates place fewer coachees than the full problem could, joins the unplaced
 * coachees to the coaches with spare places: each spare coach gets its unplaced coachees of
 * highest bound, each unplaced coachee its spare coaches of highest bound. And each unplaced
 * coachee, in order, claims a spare place: at its spare coach of highest bound (ties to the
 * lower coach) that is not yet a candidate of its and has a place no earlier coachee claimed.
 * The claims alone could place every unplaced coachee while places last (bans aside), so a
 * round always gains: where bounds tie (coachees or coaches alike, as when attributes are
 * missing), the best-of lists all name the same few, and at 20,000 × 3,000 with identical
 * coachees 16 rounds had placed 1,394 of 19,380. Returns the pairs added (mutating `candidates`).
 */
export function widenForCardinality(
  bounds: PairBounds,
  candidates: Int32Array[],
  result: Pick<AssignmentResult, 'assignment' | 'loads'>,
  capacity: Int32Array,
): number {
  const { rows, cols } = bounds;
  const spare: number[] = [];
  for (let j = 0; j < cols; j++) if (result.loads[j]! < capacity[j]!) spare.push(j);
  const unplaced: number[] = [];
  for (let i = 0; i < rows; i++) if (result.assignment[i] === null) unplaced.push(i);
  if (spare.length === 0 || unplaced.length === 0) return 0;
  const bound = new Float64Array(cols);
  const spareBound = new Float64Array(spare.length);
  const mine = new BoundedBest(PER_ROW);
  // Per spare coach, its best unplaced coachees so far: a bounded heap whose root is the one
  // to evict (lowest bound, of equal ones the later row). Rows come in ascending order, so an
  // equal bound never displaces an earlier row. A sorted list per coach, re-sorted on every
  // insertion, took 4.0 s at 10,000 × 1,000 with half the places.
  const best = spare.map((j) => new BoundedBest(PER_PLACE * (capacity[j]! - result.loads[j]!)));
  const additions = new Map<number, Set<number>>();
  const add = (i: number, j: number) => {
    const set = additions.get(i);
    if (set === undefined) additions.set(i, new Set([j]));
    else set.add(j);
  };
  // Per spare coach, the bound an offer must beat: −∞ until its heap is full, then its worst
  // kept. With every coach spare (a first solve that placed no one) most offers stop here.
  const floor = new Float64Array(spare.length).fill(-Infinity);
  const unclaimed = Int32Array.from(spare, (j) => capacity[j]! - result.loads[j]!);
  const listed = new Uint8Array(cols);
  const twins = new TwinGroups(bounds.twinOf, unplaced, spare.length);
  for (const i of unplaced) {
    // Exact twins have the same bounds: their group's are found once (see TwinGroups).
    const group = twins.of(i);
    if (group === null || !group.ready) {
      bounds.boundRow(i, bound);
      for (let s = 0; s < spare.length; s++) spareBound[s] = bound[spare[s]!]!;
      group?.fill(spareBound, topByValue(spareBound, PER_ROW, mine));
    }
    const values = group === null ? spareBound : group.bounds;
    // Its spare coaches of highest bound, ties to the lower coach (spare ascends).
    for (const s of group === null ? topByValue(values, PER_ROW, mine) : group.top) add(i, spare[s]!);
    for (const j of candidates[i]!) listed[j] = 1;
    const claim = group === null ? bestUnclaimed(values, spare, unclaimed, listed) : group.bestUnclaimed(spare, unclaimed, listed);
    for (const j of candidates[i]!) listed[j] = 0;
    if (claim >= 0) {
      unclaimed[claim]!--;
      add(i, spare[claim]!);
    }
    if (group === null) {
      for (let s = 0; s < spare.length; s++) {
        if (!(values[s]! > floor[s]!)) continue;
        const heap = best[s]!;
        heap.offer(values[s]!, i);
        floor[s] = heap.bar;
      }
    } else group.offer(i, best, floor);
  }
  spare.forEach((j, s) => {
    for (const row of best[s]!.rows()) add(row, j);
  });
  return addColumns(candidates, additions);
}

/** The spare coach (its position in `spare`) of highest bound with a place unclaimed, not listed; ties to the lower coach; −1 when none. */
function bestUnclaimed(values: Float64Array, spare: readonly number[], unclaimed: Int32Array, listed: Uint8Array): number {
  let claim = -1;
  for (let s = 0; s < spare.length; s++) {
    if (unclaimed[s]! > 0 && listed[spare[s]!] === 0 && (claim < 0 || values[s]! > values[claim]!)) claim = s;
  }
  return claim;
}

/** Spare bounds that groups of twins may hold at once (16 bytes each with their rankings). */
const GROUP_ENTRIES = 8_000_000;

/**
 * Unplaced exact twins (see PairBounds.twinOf), two or more to a group: each group's spare
 * bounds and best spare coaches are found once, its spare coaches ranked once for the claims,
 * and a spare coach whose heap refused one twin is not offered the next (bars only rise).
 * Largest groups first, while their bounds fit in GROUP_ENTRIES; each group's are dropped with
 * its last twin. At 100,000 × 10,000 of 15 kinds (about 90,000 coachees unplaced on 9,000 spare
 * coaches) each coachee had cost three passes over every spare coach.
 */
class TwinGroups {
  private readonly groups = new Map<number, TwinGroup>();
  private readonly twinOf: Int32Array | null;

  constructor(twinOf: Int32Array | undefined, unplaced: readonly number[], spare: number) {
    this.twinOf = twinOf ?? null;
    if (twinOf === undefined) return;
    const count = new Map<number, number>();
    for (const i of unplaced) count.set(twinOf[i]!, (count.get(twinOf[i]!) ?? 0) + 1);
    const sizes = [...count].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    let entries = 0;
    for (const [first, n] of sizes) {
      if (entries + spare > GROUP_ENTRIES) break;
      entries += spare;
      this.groups.set(first, new TwinGroup(n));
    }
  }

  /** Row i's group, or null when it has none here. */
  of(i: number): TwinGroup | null {
    return this.twinOf === null ? null : (this.groups.get(this.twinOf[i]!) ?? null);
  }
}

class TwinGroup {
  constructor(private left: number) {}

  ready = false;
  bounds = new Float64Array(0);
  top: readonly number[] = [];
  /** Spare positions by bound, highest first (ties to the lower), and how many lead with no place left. */
  private ranked = new Int32Array(0);
  private full = 0;
  /** Spare positions (ascending) whose heaps have not yet refused a twin. */
  private open = new Int32Array(0);
  private openCount = 0;

  /** Keeps the group's spare bounds and best spare coaches. */
  fill(values: Float64Array, top: Int32Array): void {
    this.bounds = values.slice();
    this.top = Array.from(top);
    const bounds = this.bounds;
    this.ranked = Int32Array.from(bounds.keys()).sort((a, b) => (bounds[a]! > bounds[b]! ? -1 : bounds[a]! < bounds[b]! ? 1 : a - b));
    this.open = Int32Array.from(bounds.keys());
    this.openCount = this.open.length;
    this.ready = true;
  }

  /** {@link bestUnclaimed} by the ranking: places are only ever claimed, so a leading run without one is skipped for good. */
  bestUnclaimed(spare: readonly number[], unclaimed: Int32Array, listed: Uint8Array): number {
    const { ranked } = this;
    while (this.full < ranked.length && unclaimed[ranked[this.full]!] === 0) this.full++;
    for (let q = this.full; q < ranked.length; q++) {
      const s = ranked[q]!;
      if (unclaimed[s]! > 0 && listed[spare[s]!] === 0) return s;
    }
    return -1;
  }

  /** Offers row i to each spare coach's heap whose bar its bound beats; a heap that refuses is dropped for the group. */
  offer(i: number, best: readonly BoundedBest[], floor: Float64Array): void {
    const { bounds, open } = this;
    let kept = 0;
    for (let q = 0; q < this.openCount; q++) {
      const s = open[q]!;
      if (!(bounds[s]! > floor[s]!)) continue;
      open[kept++] = s;
      const heap = best[s]!;
      heap.offer(bounds[s]!, i);
      floor[s] = heap.bar;
    }
    this.openCount = kept;
    // The group's last twin: its arrays are no longer needed.
    if (--this.left === 0) {
      this.bounds = new Float64Array(0);
      this.ranked = new Int32Array(0);
      this.open = new Int32Array(0);
      this.openCount = 0;
    }
  }
}
