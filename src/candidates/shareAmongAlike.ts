import { twinRows } from '../solver/twinRows.js';
import type { Duals } from '../solver/types.js';
import { priorityWeight } from '../policies/priorityWeight.js';
import { tolerance } from './rowSuspects.js';
import { weighAsks } from './allowedAmong.js';
import { mergeColumns } from './columnLists.js';
import type { PairBounds } from './pairBounds.js';
import type { ExactWeights } from './selectCandidates.js';
import type { WeighedPairs } from './reuseWeights.js';

/** Rows alike fewer than this are left to the rounds as they are. */
const LEAST_GROUP = 8;

/**
 * Pairs one round's lists may gain at most; the groups beyond wait for a later round. The pairs
 * added are evaluated at once: 50,000 × 5,000 with coachees of 15 kinds gained 18 million in one
 * round and peaked at 3.3 GB (1.8 GB over 11 rounds without one list).
 */
export const SHARED_PAIRS_PER_ROUND = 6_000_000;

/**
 * Groups of at least LEAST_GROUP rows that the selection chose the same columns for, at the same
 * weights (coachees a cohort records little about), each in row order; the groups by their
 * first row. Rows whose weights the selection did not keep (see weighedBySelection), and rows
 * with a banned pair (NaN), are in none (see twinRows).
 */
export function alikeRows(candidates: readonly Int32Array[], weighed: WeighedPairs): number[][] {
  const { rowStart, colIndex } = weighed.pairs;
  const rows = candidates.length;
  const first = twinRows({ rows, rowStart, colIndex, cost: weighed.weights });
  if (first === null) return [];
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const of = first[i]!;
    if (of === i) continue;
    const group = groups.get(of);
    if (group === undefined) groups.set(of, [of, i]);
    else group.push(i);
  }
  return [...groups.values()].filter((g) => g.length >= LEAST_GROUP).sort((a, b) => a[0]! - b[0]!);
}

/**
 * After a certificate: each group of alike rows (see {@link alikeRows}) gets one list, every
 * member's columns together, plus the columns outside it that violate most for the member of
 * least row dual, as many as the list needs to hold a place for each member (at least `least`). Rows alike keep
 * the same few violators each, so a round added the same few columns to a whole group while
 * it needed as many as hold its members, and different lists let the solve price alike rows
 * apart, so that each found violators the others had: at 20,000 × 3,000 with coachees of 15
 * kinds and 19,488 places, 11 rounds. Groups are taken in row order while the pairs added stay
 * within `budget`. Returns the pairs added (mutating `candidates`).
 */
export function shareAmongAlike(
  bounds: PairBounds,
  groups: readonly (readonly number[])[],
  candidates: Int32Array[],
  duals: Duals,
  exactWeights: ExactWeights,
  capacity: Int32Array,
  least: number,
  budget = SHARED_PAIRS_PER_ROUND,
): number {
  const { rows, cols } = bounds;
  const rowBound = new Float64Array(cols);
  // Per group: every member's columns, its lowest-priced member, and that member's pairs
  // outside the list whose bound could violate (a pass over the row, not an evaluation of each:
  // a large cohort may have many groups).
  const plans = groups.map((members) => {
    // Marked, each distinct list once, rather than merged member by member: a group of
    // thousands on one long list made that many copies of it (100,000 × 10,000 of 15 kinds:
    // 4.6 s a match).
    const listed = new Uint8Array(cols);
    const seen = new Set<Int32Array>();
    for (const i of members) {
      const list = candidates[i]!;
      if (seen.has(list)) continue;
      seen.add(list);
      for (const j of list) listed[j] = 1;
    }
    let shared = candidates[members[0]!]!;
    if (seen.size > 1) {
      let count = 0;
      for (let j = 0; j < cols; j++) count += listed[j]!;
      shared = new Int32Array(count);
      for (let j = 0, at = 0; j < cols; j++) if (listed[j] === 1) shared[at++] = j;
    }
    let lowest = members[0]!;
    for (const i of members) if (duals.row[i]! < duals.row[lowest]!) lowest = i;
    const rowDual = duals.row[lowest]!;
    bounds.boundRow(lowest, rowBound);
    const m = bounds.multiplier[lowest]!;
    const outside: number[] = [];
    for (let j = 0; j < cols; j++) {
      if (listed[j] === 1 || capacity[j]! === 0) continue;
      const covered = rowDual + duals.col[j]!;
      if (priorityWeight(m, rowBound[j]!) > covered + tolerance(covered, bounds.unit)) outside.push(j);
    }
    return { members, shared, rowDual, ask: { row: lowest, columns: Int32Array.from(outside), whole: false }, violating: [] as { col: number; by: number }[] };
  });
  // Every group's suspects weighed together, in chunks (groups are disjoint: one ask a row).
  const planOf = new Map(plans.map((plan) => [plan.ask.row, plan]));
  weighAsks(rows, cols, plans.map((plan) => plan.ask), exactWeights, ({ row, columns }, weights) => {
    const plan = planOf.get(row)!;
    columns.forEach((j, q) => {
      const by = weights[q]! - plan.rowDual - duals.col[j]!;
      // A banned pair (NaN) never violates.
      if (by > tolerance(plan.rowDual + duals.col[j]!, bounds.unit)) plan.violating.push({ col: j, by });
    });
  });
  let added = 0;
  for (const { members, shared: before, violating } of plans) {
    violating.sort((a, b) => b.by - a.by || a.col - b.col);
    const chosen: number[] = [];
    // The places the list holds already count.
    let places = 0;
    for (const j of before) places += capacity[j]!;
    for (const { col } of violating) {
      if (chosen.length >= least && places >= members.length) break;
      chosen.push(col);
      places += capacity[col]!;
    }
    const shared = mergeColumns(before, chosen);
    let gain = 0;
    for (const i of members) gain += shared.length - candidates[i]!.length;
    if (added + gain > budget) continue;
    added += gain;
    for (const i of members) candidates[i] = shared;
  }
  return added;
}
