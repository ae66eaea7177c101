import { findColumn, type PairSet } from '../features/pairSet.js';
import type { Cohort } from '../model/cohort.js';
import { weighAsks } from './allowedAmong.js';
import type { EvaluatedPairs } from './evaluatePairs.js';
import type { RecordKinds } from './recordKinds.js';

/**
 * Per coachee that is not plain (see RecordKinds), the coaches at which it may weigh other
 * than its kind: those of its bans and flags (relations, avoided coaches), its preferred and
 * current coaches, and those of its kind's stand-in (where the kind weighs what the stand-in
 * does); with its exact solver weight at each (NaN when banned). Everywhere else
 * the built-in policies weigh it as its kind (a property test holds them to that). In
 * compressed rows over every coachee, columns ascending; plain coachees have none.
 */
export interface KindExceptions {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
}

/** The exceptions of the coachees that are not plain, from the evaluation of no pairs (`base`, whose bans and flags cover every pair). */
export function kindExceptions(cohort: Cohort, kinds: RecordKinds, base: EvaluatedPairs, weigh: (pairs: PairSet) => Float64Array): KindExceptions {
  const rows = kinds.kindOf.length;
  const { coachIds } = base.features;
  const cols = coachIds.length;
  const colOf = new Map(coachIds.map((id, j) => [id, j]));
  const columnsOf = new Map<number, Set<number>>();
  const add = (i: number, j: number) => {
    let set = columnsOf.get(i);
    if (set === undefined) columnsOf.set(i, (set = new Set()));
    set.add(j);
  };
  // A stand-in's own exceptions, per kind: its kind weighs there what it does, not what the others do.
  const standInColumns = new Map<number, number[]>();
  const mark = (i: number, j: number | undefined) => {
    if (j === undefined) return;
    const g = kinds.kindOf[i]!;
    if (kinds.standIn[g] === i) standInColumns.set(g, [...(standInColumns.get(g) ?? []), j]);
    else if (kinds.plain[i] === 0) add(i, j);
  };
  for (const key of base.combined.bans.keys()) mark(Math.floor(key / cols), key % cols);
  for (const key of base.combined.flags.keys()) mark(Math.floor(key / cols), key % cols);
  cohort.coachees.forEach((coachee, i) => {
    for (const id of coachee.preferences) mark(i, colOf.get(id));
    if (coachee.currentCoach !== undefined) mark(i, colOf.get(coachee.currentCoach));
  });
  for (let i = 0; i < rows; i++) {
    const theirs = standInColumns.get(kinds.kindOf[i]!);
    if (theirs !== undefined && kinds.plain[i] === 0) for (const j of theirs) add(i, j);
  }
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (columnsOf.get(i)?.size ?? 0);
  const colIndex = new Int32Array(rowStart[rows]!);
  for (const [i, set] of columnsOf) colIndex.set(Int32Array.from(set).sort(), rowStart[i]!);
  const weight = new Float64Array(colIndex.length);
  const asks = Array.from(columnsOf.keys(), (row) => ({ row, columns: colIndex.subarray(rowStart[row]!, rowStart[row + 1]!), whole: false }));
  weighAsks(rows, cols, asks, weigh, ({ row }, weights) => weight.set(weights, rowStart[row]!));
  return { rowStart, colIndex, weight };
}

/** Whether coach j is one of coachee i's exceptions. */
export function hasException({ rowStart, colIndex }: KindExceptions, i: number, j: number): boolean {
  return findColumn(colIndex, rowStart[i]!, rowStart[i + 1]!, j) >= 0;
}
