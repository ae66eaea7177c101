import { maxBMatching } from './maxBMatching.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { Diagnosis } from './types.js';

/** Largest number of rows or columns a diagnosis lists by index; the count is always exact. */
export const LIST_LIMIT = 100;

/**
 * Explains why not every row can be placed: rows with no allowed column, total capacity
 * short, and each group of rows that compete for too few places (a Hall violator, found from
 * a maximum matching: the rows reachable by alternating paths from unplaced rows, and the
 * full columns they can use).
 */
export function diagnosePlacement(problem: NormalizedProblem): Diagnosis[] {
  const { rows, cols, rowStart, capacity } = problem;
  const out: Diagnosis[] = [];
  const lonely: number[] = [];
  for (let i = 0; i < rows; i++) if (rowStart[i] === rowStart[i + 1]) lonely.push(i);
  if (lonely.length > 0) {
    out.push({
      kind: 'rowWithoutCandidates',
      rows: lonely.slice(0, LIST_LIMIT),
      rowCount: lonely.length,
      message: `${lonely.length} row(s) have no allowed column at all: ${preview(lonely)}`,
    });
  }
  let totalCapacity = 0;
  for (let j = 0; j < cols; j++) totalCapacity += capacity[j]!;
  if (totalCapacity < rows) {
    out.push({
      kind: 'capacityShort',
      shortBy: rows - totalCapacity,
      message: `total capacity ${totalCapacity} is ${rows - totalCapacity} short of the ${rows} rows to place`,
    });
  }
  if (problem.allowUnmatched) return out;
  const matching = maxBMatching(problem);
  if (matching.size === rows) return out;
  for (const group of competingGroups(problem, matching.rowCol, matching.members.head, matching.members.next)) out.push(competingRows(group, capacity));
  return out;
}

/** The diagnosis of rows that can only use the given columns, whose places are fewer than they. */
export function competingRows(group: { readonly rows: readonly number[]; readonly cols: readonly number[] }, capacity: ArrayLike<number>): Diagnosis {
  let groupCapacity = 0;
  for (const j of group.cols) groupCapacity += capacity[j]!;
  const shortBy = group.rows.length - groupCapacity;
  return {
    kind: 'competingRows',
    rows: group.rows.slice(0, LIST_LIMIT),
    rowCount: group.rows.length,
    cols: group.cols.slice(0, LIST_LIMIT),
    colCount: group.cols.length,
    shortBy,
    message: `${group.rows.length} row(s) (${preview(group.rows)}) can only use ${group.cols.length} column(s) (${preview(group.cols)}) with ${groupCapacity} place(s) in all: ${shortBy} short`,
  };
}

/** The rows and columns reachable by alternating paths from the unplaced rows (see {@link alternatingRegion}). */
export interface AlternatingRegion {
  /** The region's rows, in the order the search reached them. */
  readonly rows: number[];
  readonly inRegion: Uint8Array;
  readonly colInRegion: Uint8Array;
}

/**
 * The region of a maximum matching: from each unplaced row that has a pair, every column it
 * can use, and from a column every row it holds, and so on. Under a maximum matching every
 * column in it is full, and its rows (those some maximum matching leaves unplaced) and columns
 * are the same whichever maximum matching it starts from.
 */
export function alternatingRegion(graph: Pick<NormalizedProblem, 'rows' | 'cols' | 'rowStart' | 'colIndex'>, rowCol: Int32Array, head: Int32Array, next: Int32Array): AlternatingRegion {
  const { rows, cols, rowStart, colIndex } = graph;
  const inRegion = new Uint8Array(rows);
  const colInRegion = new Uint8Array(cols);
  const queue: number[] = [];
  // Rows without a pair are reported as rowWithoutCandidates: each would be a group of its own,
  // and millions of them (a problem file that names 10^7 rows and no pairs) cost minutes.
  for (let i = 0; i < rows; i++) if (rowCol[i]! < 0 && rowStart[i + 1]! > rowStart[i]!) {
    inRegion[i] = 1;
    queue.push(i);
  }
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q]!;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      const j = colIndex[k]!;
      if (colInRegion[j]) continue;
      colInRegion[j] = 1;
      for (let m = head[j]!; m >= 0; m = next[m]!) if (!inRegion[m]) {
        inRegion[m] = 1;
        queue.push(m);
      }
    }
  }
  return { rows: queue, inRegion, colInRegion };
}

/**
 * Components of the alternating-path region around unplaced rows. Every column in it is
 * full, so each component has more rows than places.
 */
function competingGroups(
  problem: NormalizedProblem,
  rowCol: Int32Array,
  head: Int32Array,
  next: Int32Array,
): { rows: number[]; cols: number[] }[] {
  const { rows, cols, rowStart, colIndex } = problem;
  const { rows: queue, inRegion, colInRegion } = alternatingRegion(problem, rowCol, head, next);
  // Split the region into connected components: rows joined through the columns they can use
  // (union–find over region rows and their columns; unplaced rows hold no column, so the
  // columns' member lists alone would miss them).
  const parent = new Int32Array(rows + cols);
  for (let x = 0; x < parent.length; x++) parent[x] = x;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const r of queue) {
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      const a = find(r);
      const b = find(rows + colIndex[k]!);
      if (a !== b) parent[a] = b;
    }
  }
  const byRoot = new Map<number, { rows: number[]; cols: number[] }>();
  const groupOf = (x: number) => {
    const root = find(x);
    let group = byRoot.get(root);
    if (group === undefined) byRoot.set(root, (group = { rows: [], cols: [] }));
    return group;
  };
  for (let r = 0; r < rows; r++) if (inRegion[r]) groupOf(r).rows.push(r);
  for (let j = 0; j < cols; j++) if (colInRegion[j]) groupOf(rows + j).cols.push(j);
  const groups = [...byRoot.values()].sort((a, b) => a.rows[0]! - b.rows[0]!);
  return groups;
}

/**
 * Explains minimum loads that cannot be met. `deficit[j]` is how far column j stays below its
 * minimum in the best attempt; pass null to run only the checks that need no attempt.
 */
export function diagnoseMinLoads(problem: NormalizedProblem, deficit: Int32Array | null): Diagnosis[] {
  const { rows, cols, rowStart, colIndex, minLoad } = problem;
  let required = 0;
  for (let j = 0; j < cols; j++) required += minLoad[j]!;
  if (required > rows) {
    const demanding: number[] = [];
    for (let j = 0; j < cols; j++) if (minLoad[j]! > 0) demanding.push(j);
    return [{
      kind: 'minLoadUnreachable',
      cols: demanding.slice(0, LIST_LIMIT),
      colCount: demanding.length,
      shortBy: required - rows,
      message: `minimum loads add up to ${required} but there are only ${rows} rows`,
    }];
  }
  // Nothing required: nothing to explain (and no pass over every pair).
  if (required === 0) return [];
  const candidates = new Int32Array(cols);
  for (let k = 0; k < rowStart[rows]!; k++) candidates[colIndex[k]!]!++;
  const starved: number[] = [];
  let shortBy = 0;
  for (let j = 0; j < cols; j++) {
    const missing = deficit === null ? Math.max(0, minLoad[j]! - candidates[j]!) : deficit[j]!;
    if (missing > 0) {
      starved.push(j);
      shortBy += missing;
    }
  }
  if (starved.length === 0) return [];
  return [minLoadUnreachable(starved, shortBy)];
}

/** The diagnosis of columns that cannot (all) reach their minimum loads, `shortBy` rows short in all. */
export function minLoadUnreachable(cols: readonly number[], shortBy: number): Diagnosis {
  return {
    kind: 'minLoadUnreachable',
    cols: cols.slice(0, LIST_LIMIT),
    colCount: cols.length,
    shortBy,
    message: `${cols.length} column(s) (${preview(cols)}) cannot reach their minimum load: ${shortBy} row(s) missing`,
  };
}

function preview(items: readonly number[]): string {
  const head = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${head}, … (${items.length} in all)` : head;
}
