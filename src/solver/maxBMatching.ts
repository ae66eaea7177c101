import { ColumnMembers } from './columnMembers.js';
import type { NormalizedProblem } from './normalizedProblem.js';

/** A maximum-cardinality capacitated matching, ignoring weights and minimum loads. */
export interface BMatching {
  /** Column of each row, or -1. */
  readonly rowCol: Int32Array;
  readonly members: ColumnMembers;
  readonly size: number;
}

/** What {@link maxBMatching} reads of a problem. */
export type PairGraph = Pick<NormalizedProblem, 'rows' | 'cols' | 'rowStart' | 'colIndex' | 'capacity'>;

/**
 * Finds a maximum-cardinality matching where column j takes at most `capacity[j]` rows,
 * by alternating-path search from each free row after a greedy start. A row with no
 * augmenting path now never gets one later, so one pass over the rows suffices. Nor do the
 * columns a failed search reached: they are full, and their rows reach only each other, so
 * no later path can pass through them. Later searches skip them, which keeps a cohort with
 * many unplaceable rows from searching the same crowded columns once per row.
 */
export function maxBMatching(problem: PairGraph): BMatching {
  const { rows, cols, rowStart, colIndex, capacity } = problem;
  const rowCol = new Int32Array(rows).fill(-1);
  const members = new ColumnMembers(rows, cols);
  let size = 0;
  // Greedy start on the column with the most room left: filling the first column with room
  // instead crowds low-numbered columns and leaves long alternating paths for later rows.
  for (let i = 0; i < rows; i++) {
    let best = -1;
    let room = 0;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      const left = capacity[j]! - members.load[j]!;
      if (left > room) {
        room = left;
        best = j;
      }
    }
    if (best >= 0) {
      rowCol[i] = best;
      members.add(best, i);
      size++;
    }
  }
  const seenCol = new Int32Array(cols).fill(-1);
  const dead = new Uint8Array(cols);
  const reached = new Int32Array(cols);
  const parentRow = new Int32Array(cols);
  const queue = new Int32Array(rows);
  for (let start = 0; start < rows; start++) {
    if (rowCol[start]! >= 0) continue;
    let qHead = 0;
    let qTail = 0;
    queue[qTail++] = start;
    let freeCol = -1;
    let reachedCount = 0;
    while (qHead < qTail && freeCol < 0) {
      const r = queue[qHead++]!;
      for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
        const j = colIndex[k]!;
        if (seenCol[j] === start || dead[j] === 1) continue;
        seenCol[j] = start;
        reached[reachedCount++] = j;
        parentRow[j] = r;
        if (members.load[j]! < capacity[j]!) {
          freeCol = j;
          break;
        }
        for (let m = members.head[j]!; m >= 0; m = members.next[m]!) queue[qTail++] = m;
      }
    }
    if (freeCol < 0) {
      for (let q = 0; q < reachedCount; q++) dead[reached[q]!] = 1;
      continue;
    }
    // Shift rows one step along the alternating path, ending at the start row.
    let j = freeCol;
    for (;;) {
      const r = parentRow[j]!;
      const previous = rowCol[r]!;
      if (previous >= 0) members.remove(previous, r);
      members.add(j, r);
      rowCol[r] = j;
      if (r === start) break;
      j = previous;
    }
    size++;
  }
  return { rowCol, members, size };
}
