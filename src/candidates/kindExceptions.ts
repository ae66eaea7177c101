import { findColumn, type PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import { positions } from '../policies/positions.js';
import { weighAsks } from './allowedAmong.js';
import type { EvaluatedPairs } from './evaluatePairs.js';
import type { RecordKinds } from './recordKinds.js';

/**
 * Per coachee that is not plain (see RecordKinds), the coaches at which it may weigh other
 * than its kind: those of its bans and flags (relations, avoided coaches), its preferred and
 * current coaches, and those of its kind's stand-in that no witness weighs (see
 * {@link kindExceptions}); with its exact solver weight at each (NaN when banned). Everywhere
 * else the built-in policies weigh it as its kind (a property test holds them to that). In
 * compressed rows over every coachee, columns ascending; plain coachees have none.
 */
export interface KindExceptions {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
}

/** What {@link kindExceptions} finds: the kinds with their plain coachees as weighed, the exceptions, and per witness row the columns weighed on it. */
export interface WeighedExceptions {
  readonly kinds: RecordKinds;
  readonly exceptions: KindExceptions;
  readonly witnessed: ReadonlyMap<number, readonly number[]>;
}

/**
 * The exceptions of the coachees that are not plain, from the evaluation of no pairs (`base`,
 * whose bans and flags cover every pair). A kind without a plain coachee is weighed on its
 * stand-in (`generic`, each kind's row of weights, holds the stand-in's), except at the
 * stand-in's own exceptions: there on a witness, the kind's first other coachee without an
 * exception at that coach, whose weight there is the kind's (written into `generic`); the
 * stand-in then weighs there as an exception of its own, and is no longer plain. Where no
 * coachee of the kind is a witness, the stand-in's weight stays the kind's, and the coach
 * becomes an exception of every other coachee of the kind. So the relations of one coachee
 * (its manager a coach, say) do not become every other's exceptions, where each would weigh
 * more than its kind: a bonus for each that the near kinds' solve would turn lone.
 */
export function kindExceptions(cohort: Cohort, kinds: RecordKinds, base: EvaluatedPairs, weigh: (pairs: PairSet) => Float64Array, generic: Float64Array): WeighedExceptions {
  const rows = kinds.kindOf.length;
  const { coachIds } = base.features;
  const cols = coachIds.length;
  const own = ownExceptions(cohort, base, cols);
  const plain = Uint8Array.from(kinds.plain);
  // Per kind with a stand-in: the stand-in's columns no witness weighs (every coachee's
  // exceptions then) and those a witness does (the stand-in's own); per witness row its columns.
  const handedOn = new Map<number, number[]>();
  const standInOwn = new Map<number, number[]>();
  const witnessColumns = new Map<number, number[]>();
  const members = membersOfKinds(kinds);
  kinds.standIn.forEach((s, g) => {
    if (s < 0) return;
    for (const j of [...(own.get(s) ?? [])].sort((a, b) => a - b)) {
      const w = members[g]!.find((i) => i !== s && !own.get(i)?.has(j));
      if (w === undefined) listAt(handedOn, g).push(j);
      else {
        listAt(witnessColumns, w).push(j);
        listAt(standInOwn, s).push(j);
        plain[s] = 0;
      }
    }
  });
  const columnsOf = new Map<number, Set<number>>();
  for (let i = 0; i < rows; i++) {
    if (plain[i] === 1) continue;
    const g = kinds.kindOf[i]!;
    const mine = kinds.standIn[g] === i ? new Set(standInOwn.get(i)) : new Set([...(own.get(i) ?? []), ...(handedOn.get(g) ?? [])]);
    if (mine.size > 0) columnsOf.set(i, mine);
  }
  const witnessAsks = Array.from(witnessColumns, ([row, columns]) => ({ row, columns: Int32Array.from(columns).sort(), whole: false }));
  weighAsks(rows, cols, witnessAsks, weigh, ({ row, columns }, weights) => {
    const g = kinds.kindOf[row]!;
    columns.forEach((j, q) => (generic[g * cols + j] = weights[q]!));
  });
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (columnsOf.get(i)?.size ?? 0);
  const colIndex = new Int32Array(rowStart[rows]!);
  for (const [i, set] of columnsOf) colIndex.set(Int32Array.from(set).sort(), rowStart[i]!);
  const weight = new Float64Array(colIndex.length);
  const asks = Array.from(columnsOf.keys(), (row) => ({ row, columns: colIndex.subarray(rowStart[row]!, rowStart[row + 1]!), whole: false }));
  weighAsks(rows, cols, asks, weigh, ({ row }, weights) => weight.set(weights, rowStart[row]!));
  return { kinds: { ...kinds, plain }, exceptions: { rowStart, colIndex, weight }, witnessed: witnessColumns };
}

/** Per coachee, the coaches of its own bans and flags, preferences and current coach (a coachee with none is absent). */
function ownExceptions(cohort: Cohort, base: EvaluatedPairs, cols: number): Map<number, Set<number>> {
  const colOf = positions(base.features).col;
  const own = new Map<number, Set<number>>();
  const mark = (i: number, j: number | undefined) => {
    if (j === undefined) return;
    let set = own.get(i);
    if (set === undefined) own.set(i, (set = new Set()));
    set.add(j);
  };
  for (const key of base.combined.bans.keys()) mark(Math.floor(key / cols), key % cols);
  for (const key of base.combined.flags.keys()) mark(Math.floor(key / cols), key % cols);
  cohort.coachees.forEach((coachee, i) => {
    for (const id of coachee.preferences) mark(i, colOf.get(id));
    if (coachee.currentCoach !== undefined) mark(i, colOf.get(coachee.currentCoach));
  });
  return own;
}

/** The list at `key`, made empty when absent. */
function listAt(lists: Map<number, number[]>, key: number): number[] {
  let list = lists.get(key);
  if (list === undefined) lists.set(key, (list = []));
  return list;
}

/** Per kind, its coachees in row order. */
function membersOfKinds(kinds: RecordKinds): number[][] {
  const members: number[][] = Array.from({ length: kinds.size.length }, () => []);
  kinds.kindOf.forEach((g, i) => members[g]!.push(i));
  return members;
}

/** Whether coach j is one of coachee i's exceptions. */
export function hasException({ rowStart, colIndex }: KindExceptions, i: number, j: number): boolean {
  return findColumn(colIndex, rowStart[i]!, rowStart[i + 1]!, j) >= 0;
}
