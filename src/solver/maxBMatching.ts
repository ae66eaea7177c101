import { CoachmatchError } from '../errors.js';
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
 * Finds a maximum-cardinality matching where column j takes at most `capacity[j]` rows, by
 * Hopcroft and Karp's method after a greedy start: each phase finds the shortest augmenting
 * paths' length with one breadth-first pass from every free row at once, then places rows
 * along disjoint paths of that length by depth-first search, each row tried at most once;
 * until no path is left. A phase is one pass over the pairs. A search from each free row in
 * turn instead costs up to a pass per row: measured on the 100,000 × 10,000 candidate
 * problem, whose greedy start leaves 3,209 rows free behind long paths, 7.1 s.
 */
export function maxBMatching(problem: PairGraph): BMatching {
  const { rows, cols, rowStart, colIndex, capacity } = problem;
  const rowCol = new Int32Array(rows).fill(-1);
  const members = new ColumnMembers(rows, cols);
  const load = members.load;
  let size = 0;
  // Greedy start on the column with the most room left: filling the first column with room
  // instead crowds low-numbered columns and leaves long alternating paths for later rows.
  for (let i = 0; i < rows; i++) {
    let best = -1;
    let room = 0;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      const left = capacity[j]! - load[j]!;
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
  const layer = new Int32Array(rows);
  const queue = new Int32Array(rows);
  // The search's path, one frame per row on it: the row, its next pair to try, and the full
  // column it is trying to enter with the next of that column's rows to move out.
  const pathRow = new Int32Array(rows);
  const nextPair = new Int32Array(rows);
  const pathCol = new Int32Array(rows);
  const nextMember = new Int32Array(rows);
  const NONE = 0x7fffffff;
  // Per column, the phase in which the breadth-first pass took its rows and the layer it gave
  // them, and the phase in which every one of them failed: a column is looked into once a
  // phase, not once per pair into it.
  const columnReached = new Int32Array(cols);
  const columnLayer = new Int32Array(cols);
  const columnFailed = new Int32Array(cols);
  let phase = 0;
  /** Layers rows by alternating distance from the free rows; returns the layer from which a column has room (NONE: no path). */
  const layerRows = (): number => {
    let head = 0;
    let tail = 0;
    for (let i = 0; i < rows; i++) {
      if (rowCol[i]! < 0 && rowStart[i + 1]! > rowStart[i]!) {
        layer[i] = 0;
        queue[tail++] = i;
      } else layer[i] = NONE;
    }
    let last = NONE;
    while (head < tail) {
      const r = queue[head++]!;
      const d = layer[r]!;
      if (d >= last) break;
      for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
        const j = colIndex[k]!;
        if (load[j]! < capacity[j]!) {
          last = d;
          continue;
        }
        if (columnReached[j] === phase) continue;
        columnReached[j] = phase;
        columnLayer[j] = d + 1;
        for (let m = members.head[j]!; m >= 0; m = members.next[m]!) {
          if (layer[m] !== NONE) continue;
          layer[m] = d + 1;
          queue[tail++] = m;
        }
      }
    }
    return last;
  };
  /** Places free row `start` along a shortest augmenting path of `length` layers; rows it fails from are closed for the phase. */
  const augment = (start: number, length: number): boolean => {
    let depth = 0;
    pathRow[0] = start;
    nextPair[0] = rowStart[start]!;
    nextMember[0] = -1;
    while (depth >= 0) {
      const r = pathRow[depth]!;
      const d = layer[r]!;
      if (nextMember[depth]! >= 0) {
        // Try to move the next row of the next layer out of the full column this frame wants to enter.
        const m = nextMember[depth]!;
        nextMember[depth] = members.next[m]!;
        if (nextMember[depth]! < 0) columnFailed[pathCol[depth]!] = phase; // its last row: should it fail too, none is left
        if (layer[m] !== d + 1) continue;
        depth++;
        pathRow[depth] = m;
        nextPair[depth] = rowStart[m]!;
        nextMember[depth] = -1;
        continue;
      }
      let free = -1;
      while (nextPair[depth]! < rowStart[r + 1]!) {
        const j = colIndex[nextPair[depth]!++]!;
        if (load[j]! < capacity[j]!) {
          if (d === length) {
            free = j;
            break;
          }
          continue;
        }
        // Only into a column whose rows lie one layer on: the others are no shortest path.
        if (d < length && columnReached[j] === phase && columnLayer[j] === d + 1 && columnFailed[j] !== phase) {
          pathCol[depth] = j;
          nextMember[depth] = members.head[j]!;
          break;
        }
      }
      if (free >= 0) {
        // The deepest row takes the free place; each row above takes the place the row
        // below it left. Rows on the path are spent for this phase.
        let to = free;
        for (let q = depth; q >= 0; q--) {
          const row = pathRow[q]!;
          const from = rowCol[row]!;
          if (from >= 0) members.remove(from, row);
          members.add(to, row);
          rowCol[row] = to;
          layer[row] = NONE;
          to = q > 0 ? pathCol[q - 1]! : -1;
        }
        return true;
      }
      if (nextMember[depth]! < 0 && nextPair[depth]! >= rowStart[r + 1]!) {
        layer[r] = NONE;
        depth--;
      }
    }
    return false;
  };
  for (;;) {
    phase++;
    const length = layerRows();
    if (length === NONE) break;
    const before = size;
    for (let i = 0; i < rows; i++) if (rowCol[i]! < 0 && layer[i] === 0 && augment(i, length)) size++;
    // The path the layering found is always among those searched: a phase that places no row
    // would repeat forever.
    if (size === before) throw new CoachmatchError('internal', 'maxBMatching: a phase found a shortest augmenting path but placed no row');
  }
  return { rowCol, members, size };
}
