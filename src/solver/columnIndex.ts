import { findPair } from './buildResult.js';
import { byColumn, type ColumnPairs } from './byColumn.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { SolveWorkspace } from './solveWorkspace.js';

/** Columns looked up one at a time before the whole index is built. */
const LAZY_COLUMNS = 4;

/** One column's rows and their pairs' costs: `rows[q]`, `costs[q]` for q in [from, to). */
export interface ColumnSlice {
  readonly rows: Int32Array;
  readonly costs: Float64Array;
  readonly from: number;
  readonly to: number;
}

/**
 * The rows with a pair in a given column (of each set of identical rows, the first) with the
 * pairs' costs, for searches that walk arcs backwards. The whole index (see byColumn) is
 * built once more than {@link LAZY_COLUMNS} columns are asked for; until then each column is
 * found by a binary search in every row. A last candidate round gives back a place or two
 * and asks for as many columns, where the whole index of 4.8 million pairs cost 0.13–0.46 s.
 */
export class ColumnIndex {
  private whole: ColumnPairs | null = null;
  private readonly found = new Map<number, ColumnSlice>();

  constructor(
    private readonly problem: NormalizedProblem,
    /** The rows indexed, ascending (null: every row). */
    private readonly heads: Int32Array | null,
    private readonly workspace?: SolveWorkspace,
  ) {}

  of(col: number): ColumnSlice {
    if (this.whole !== null) return this.slice(col, this.whole);
    const known = this.found.get(col);
    if (known !== undefined) return known;
    const { rows, cols, rowStart, colIndex, cost } = this.problem;
    if (this.found.size >= LAZY_COLUMNS) {
      this.whole = byColumn(rows, cols, rowStart, colIndex, cost, this.heads, this.workspace?.columnRoom);
      this.found.clear();
      return this.slice(col, this.whole);
    }
    const inRows: number[] = [];
    const costs: number[] = [];
    const count = this.heads === null ? rows : this.heads.length;
    for (let q = 0; q < count; q++) {
      const r = this.heads === null ? q : this.heads[q]!;
      const at = findPair(this.problem, r, col);
      if (at < 0) continue;
      inRows.push(r);
      costs.push(cost[at]!);
    }
    const slice = { rows: Int32Array.from(inRows), costs: Float64Array.from(costs), from: 0, to: inRows.length };
    this.found.set(col, slice);
    return slice;
  }

  private slice(col: number, whole: ColumnPairs): ColumnSlice {
    return { rows: whole.row, costs: whole.value, from: whole.colStart[col]!, to: whole.colStart[col + 1]! };
  }
}
