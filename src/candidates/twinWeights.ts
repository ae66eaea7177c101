import { sparsePairSet, type PairSet } from '../features/pairSet.js';
import type { MayWaive } from './reuseWeights.js';
import type { ExactWeights } from './selectCandidates.js';

/**
 * {@link ExactWeights} that weigh exact twins (see exactTwins) once: where two or more twins
 * have pairs in a call, the first of them is evaluated on every column any of them has, and
 * each twin reads its weights from there. What comes back is what `exact` gives, bit for bit:
 * a pair's weight depends on its row's record and its column alone, unless its row could be
 * waived (see MayWaive), and a group whose joined columns could be is weighed row by row.
 * Twins are often most of a cohort that records little of its coachees: on 20,000 × 3,000 of
 * 15 kinds (bench/LARGE.md's large-20k-fewkinds-tight) the second round's preparation, which
 * weighs the pairs alike coachees share, took 1.1 s instead of 3.6 s.
 */
export function twinAwareWeights(exact: ExactWeights, twinOf: Int32Array | undefined, mayWaive: MayWaive): ExactWeights {
  if (twinOf === undefined) return exact;
  // Per twin group (indexed by its first row): how many rows have pairs in this call; reset after each.
  const present = new Int32Array(twinOf.length);
  return (pairs) => {
    const { rows, cols, rowStart, colIndex } = pairs;
    // Groups (by first row) with two or more rows in this call.
    const shared: number[] = [];
    for (let i = 0; i < rows; i++) if (rowStart[i + 1] !== rowStart[i] && ++present[twinOf[i]!]! === 2) shared.push(twinOf[i]!);
    clear(present, pairs, twinOf);
    if (shared.length === 0) return exact(pairs);
    const membersOf = new Map(shared.map((first) => [first, [] as number[]]));
    for (let i = 0; i < rows; i++) if (rowStart[i + 1] !== rowStart[i]) membersOf.get(twinOf[i]!)?.push(i);
    // Each group's columns, weighed on its first row here (the others on none) unless that row could be waived.
    const mark = new Int32Array(cols).fill(-1);
    const groups: { members: number[]; columns: Int32Array }[] = [];
    const lead = new Int32Array(rows).fill(-1);
    for (const [g, members] of [...membersOf.values()].entries()) {
      const columns: number[] = [];
      for (const i of members) {
        for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
          const j = colIndex[p]!;
          if (mark[j] === g) continue;
          mark[j] = g;
          columns.push(j);
        }
      }
      if (mayWaive(members[0]!, columns.length)) continue;
      for (const i of members) lead[i] = members[0]!;
      groups.push({ members, columns: Int32Array.from(columns).sort() });
    }
    const joined = new Map(groups.map((g) => [g.members[0]!, g.columns]));
    const evalStart = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) {
      const own = lead[i]! < 0 ? rowStart[i + 1]! - rowStart[i]! : lead[i] === i ? joined.get(i)!.length : 0;
      evalStart[i + 1] = evalStart[i]! + own;
    }
    const evalColumns = new Int32Array(evalStart[rows]!);
    for (let i = 0; i < rows; i++) {
      if (evalStart[i + 1] !== evalStart[i]) evalColumns.set(lead[i] === i ? joined.get(i)! : colIndex.subarray(rowStart[i]!, rowStart[i + 1]!), evalStart[i]!);
    }
    const evaluated = exact(sparsePairSet(rows, cols, evalStart, evalColumns));
    const out = new Float64Array(pairs.size);
    for (let i = 0; i < rows; i++) if (lead[i]! < 0 && rowStart[i + 1] !== rowStart[i]) out.set(evaluated.subarray(evalStart[i]!, evalStart[i + 1]!), rowStart[i]!);
    // Where each column of a group sits among its first row's weights.
    const position = new Int32Array(cols);
    for (const { members } of groups) {
      const first = members[0]!;
      for (let p = evalStart[first]!; p < evalStart[first + 1]!; p++) position[evalColumns[p]!] = p;
      for (const i of members) for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) out[p] = evaluated[position[colIndex[p]!]!]!;
    }
    return out;
  };
}

/** Zeroes the counts of the groups the rows of `pairs` are in. */
function clear(present: Int32Array, pairs: PairSet, twinOf: Int32Array): void {
  for (let i = 0; i < pairs.rows; i++) if (pairs.rowStart[i + 1] !== pairs.rowStart[i]) present[twinOf[i]!] = 0;
}
