import { RoundBuffers } from '../memory/roundBuffers.js';
import type { ColumnPairsRoom } from './byColumn.js';

/**
 * Buffers for the largest arrays a solve of compressed pairs makes: the pairs' costs, the
 * index of each column's rows (see ColumnIndex), and the pairs with an "unmatched" column. A
 * caller that solves one problem after another, each about as large as the last (the
 * candidate rounds of a large cohort), keeps one, and each solve writes over the last one's
 * arrays instead of touching fresh pages (see RoundBuffers). Nothing a solve returns refers to
 * them; a workspace serves one solve at a time, and holds the memory of the largest solve so
 * far for as long as it is kept.
 */
export class SolveWorkspace {
  readonly cost = new RoundBuffers(Float64Array, 1);
  readonly columnRows = new RoundBuffers(Int32Array, 1);
  readonly columnCosts = new RoundBuffers(Float64Array, 1);
  /** Room for byColumn's rows and values, in {@link columnRows} and {@link columnCosts}. */
  readonly columnRoom: ColumnPairsRoom = { row: this.columnRows.take, value: this.columnCosts.take };
  /** The pairs of the problem with an "unmatched" column (see withUnmatchedColumn), solved while the problem's own are kept. */
  readonly extendedColumns = new RoundBuffers(Int32Array, 1);
  readonly extendedCosts = new RoundBuffers(Float64Array, 1);
  readonly extendedWeights = new RoundBuffers(Float64Array, 1);
}
