import { describeValue } from '../text/describeValue.js';
import { CoachmatchError } from '../errors.js';
import { preferenceRanks } from './preferenceRanks.js';
import type { StableProblem } from './stableProblem.js';

/** A row and a column who both prefer each other to what the matching gives them. */
export interface BlockingPair {
  readonly row: number;
  readonly col: number;
}

/** Something that makes an assignment not even a valid matching of the problem. */
export interface MatchingDefect {
  readonly kind: 'unacceptablePair' | 'overCapacity';
  readonly row: number | null;
  readonly col: number;
  readonly message: string;
}

/** What {@link auditStability} finds. */
export interface StabilityAudit {
  /** True when the matching is valid and has no blocking pair. */
  readonly stable: boolean;
  /** Every blocking pair, by row then column. */
  readonly blockingPairs: readonly BlockingPair[];
  /** Pairs that one side does not list, and columns above capacity. */
  readonly defects: readonly MatchingDefect[];
}

/**
 * Audits any assignment (ours, or one imported from elsewhere) against ranked lists: lists
 * every blocking pair — an acceptable pair (i, j), not matched together, where row i is
 * unmatched or prefers j to its column, and column j has a free place or prefers i to the
 * worst row it holds — and every defect (a matched pair that one side does not list,
 * which counts as worse than anything listed; a column above capacity).
 *
 * @param assignment column of each row, or null.
 * @throws CoachmatchError of kind `invalidArgument` when the assignment does not fit the problem.
 *
 * @example
 * ```ts
 * auditStability({ rows: 2, cols: 1, rowPrefs: [[0], [0]], colPrefs: [[1, 0]] }, [0, null]);
 * // { stable: false, blockingPairs: [{ row: 1, col: 0 }], defects: [] }
 * ```
 */
export function auditStability(problem: StableProblem, assignment: readonly (number | null)[]): StabilityAudit {
  const { rows, cols } = problem;
  const { rowRank, colRank, listedBy, capacity } = preferenceRanks(problem);
  if (!Array.isArray(assignment)) throw new CoachmatchError('invalidArgument', `assignment must be an array (a column or null per row), got ${describeValue(assignment)}`);
  if (assignment.length !== rows) throw new CoachmatchError('invalidArgument', `assignment has ${assignment.length} entries for ${rows} rows`);
  const defects: MatchingDefect[] = [];
  const load = new Int32Array(cols);
  // Rank of each column's worst member; an unlisted member counts as worse than any listed row.
  const worst = new Float64Array(cols).fill(-1);
  const partnerRank = new Float64Array(rows).fill(Infinity);
  for (let i = 0; i < rows; i++) {
    const j = assignment[i] ?? null;
    if (j === null) continue;
    if (!Number.isInteger(j) || j < 0 || j >= cols) throw new CoachmatchError('invalidArgument', `assignment[${i}] = ${j} is not a column`);
    load[j]!++;
    const rr = rowRank(i, j);
    const cr = colRank(j, i);
    if (rr < 0 || cr < 0) {
      defects.push({ kind: 'unacceptablePair', row: i, col: j, message: `row ${i} and column ${j} do not both list each other` });
    }
    partnerRank[i] = rr < 0 ? Infinity : rr;
    worst[j] = Math.max(worst[j]!, cr < 0 ? Infinity : cr);
  }
  for (let j = 0; j < cols; j++) {
    if (load[j]! > capacity[j]!) {
      defects.push({ kind: 'overCapacity', row: null, col: j, message: `column ${j} holds ${load[j]} rows, capacity ${capacity[j]}` });
    }
  }
  const blockingPairs: BlockingPair[] = [];
  for (let i = 0; i < rows; i++) {
    // Only pairs row i lists can block (in column order, so the pairs come out by row, then column).
    for (const j of listedBy(i)) {
      const rr = rowRank(i, j);
      const cr = colRank(j, i);
      if (cr < 0 || assignment[i] === j) continue;
      const rowWants = rr < partnerRank[i]!;
      const colWants = load[j]! < capacity[j]! || cr < worst[j]!;
      if (rowWants && colWants) blockingPairs.push({ row: i, col: j });
    }
  }
  return { stable: blockingPairs.length === 0 && defects.length === 0, blockingPairs, defects };
}
