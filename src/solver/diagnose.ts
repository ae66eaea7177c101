import { maxBMatching } from './maxBMatching.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { Diagnosis } from './types.js';

/** Largest number of rows or columns a diagnosis lists by index; the count is always exact. */
const LIST_LIMIT = 100;

/**
 * Explains why not every row can be placed: rows with no allowed column, total capacity
 * short, and each group of rows that compete for too few places (a Hall violator, found from
 * a maximum matching: the rows reachable by alternating paths from unplaced rows, and the
 * full columns they can use).
 */
export function diagnosePlacement(problem: NormalizedProblem): Diagnosis[] {
  const { rows, cols, rowStart, colIndex, capacity } = problem;
  const out: Diagnosis[] = [];
  const lonely: number[] = [];
  for (let i = 0; i < rows; i++) if (rowStart[i] === rowStart[i + 1]) lonely.push(i);
  if (lonely.length > 0) {
    out.push({
      kind: 'rowWithoutCandidates',
      rows: lonely.slice(0, LIST_LIMIT),
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
  for (const group of competingGroups(problem, matching.rowCol, matching.members.head, matching.members.next)) {
    if (group.cols.length === 0) continue; // already reported as rowWithoutCandidates
    let groupCapacity = 0;
    for (const j of group.cols) groupCapacity += capacity[j]!;
    const shortBy = group.rows.length - groupCapacity;
    out.push({
      kind: 'competingRows',
      rows: group.rows.slice(0, LIST_LIMIT),
      cols: group.cols.slice(0, LIST_LIMIT),
      shortBy,
      message: `${group.rows.length} row(s) (${preview(group.rows)}) can only use ${group.cols.length} column(s) (${preview(group.cols)}) with ${groupCapacity} place(s) in all: ${shortBy} short`,
    });
  }
  return out;
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
  const inRegion = new Uint8Array(rows);
  const colInRegion = new Uint8Array(cols);
  const queue: number[] = [];
  for (let i = 0; i < rows; i++) if (rowCol[i]! < 0) {
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
  // Split the region into connected components (rows linked through shared columns).
  const component = new Int32Array(rows).fill(-1);
  const colComponent = new Int32Array(cols).fill(-1);
  const groups: { rows: number[]; cols: number[] }[] = [];
  for (const seed of queue) {
    if (component[seed]! >= 0) continue;
    const id = groups.length;
    const group = { rows: [seed], cols: [] as number[] };
    component[seed] = id;
    for (let q = 0; q < group.rows.length; q++) {
      const r = group.rows[q]!;
      for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
        const j = colIndex[k]!;
        if (colComponent[j]! >= 0) continue;
        colComponent[j] = id;
        group.cols.push(j);
        for (let m = head[j]!; m >= 0; m = next[m]!) if (inRegion[m] && component[m]! < 0) {
          component[m] = id;
          group.rows.push(m);
        }
      }
    }
    group.rows.sort((a, b) => a - b);
    group.cols.sort((a, b) => a - b);
    groups.push(group);
  }
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
      shortBy: required - rows,
      message: `minimum loads add up to ${required} but there are only ${rows} rows`,
    }];
  }
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
  return [{
    kind: 'minLoadUnreachable',
    cols: starved.slice(0, LIST_LIMIT),
    shortBy,
    message: `${starved.length} column(s) (${preview(starved)}) cannot reach their minimum load: ${shortBy} row(s) missing`,
  }];
}

function preview(items: readonly number[]): string {
  const head = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${head}, … (${items.length} in all)` : head;
}
