import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { PairBan } from '../policies/policy.js';
import type { AssignmentResult } from '../solver/types.js';
import type { EvaluatedPairs } from './evaluatePairs.js';
import { EVALUATION_CHUNK_PAIRS } from './evaluatePairs.js';
import { allColumns } from './columnLists.js';

/**
 * Pairs of unmatched coachees a candidate matching looks at to say why they are unmatched,
 * at most: beyond this, the first such coachees get their reasons checked and the others
 * keep the relation bans alone (the ban lists found are kept until the matching is built).
 */
export const UNMATCHED_PAIRS_CHECKED = 1_000_000;

/**
 * The bans, by pair, of the unmatched coachees' pairs that depend on the pair itself (a coach
 * too similar for an insider): the explained matching evaluates the matched pairs only, and
 * without these an unmatched coachee's reason counted such coaches as allowed, or called a
 * certified optimum "not proven" because a banned coach had room. Each unmatched coachee is
 * judged against every coach when all of them fit {@link UNMATCHED_PAIRS_CHECKED}, else against
 * the coaches with room (all its reason needs to tell "full" from "kept out"); evaluated in
 * chunks, so only the bans are kept.
 */
export function unmatchedBans(result: AssignmentResult, capacity: Int32Array, evaluate: (pairs: PairSet) => EvaluatedPairs): Map<number, readonly PairBan[]> {
  const rows = result.assignment.length;
  const cols = capacity.length;
  const found = new Map<number, readonly PairBan[]>();
  const unmatched: number[] = [];
  const loads = new Int32Array(cols);
  result.assignment.forEach((j, i) => (j === null ? unmatched.push(i) : loads[j]!++));
  if (unmatched.length === 0 || cols === 0) return found;
  const columns = unmatched.length * cols <= UNMATCHED_PAIRS_CHECKED ? allColumns(cols) : Int32Array.from(loads.keys()).filter((j) => loads[j]! < capacity[j]!);
  if (columns.length === 0) return found;
  const checked = unmatched.slice(0, Math.max(1, Math.floor(UNMATCHED_PAIRS_CHECKED / columns.length)));
  const perChunk = Math.max(1, Math.floor(EVALUATION_CHUNK_PAIRS / columns.length));
  for (let from = 0; from < checked.length; from += perChunk) {
    const chunk = checked.slice(from, from + perChunk);
    const rowStart = new Int32Array(rows + 1);
    const inChunk = new Uint8Array(rows);
    for (const i of chunk) inChunk[i] = 1;
    for (let i = 0; i < rows; i++) rowStart[i + 1] = rowStart[i]! + (inChunk[i] === 1 ? columns.length : 0);
    const colIndex = new Int32Array(chunk.length * columns.length);
    chunk.forEach((_, q) => colIndex.set(columns, q * columns.length));
    const { bans } = evaluate(sparsePairSet(rows, cols, rowStart, colIndex)).combined;
    for (const i of chunk) {
      for (const j of columns) {
        const list = bans.get(i * cols + j);
        if (list !== undefined) found.set(i * cols + j, list);
      }
    }
  }
  return found;
}
