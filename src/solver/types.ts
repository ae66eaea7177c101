import type { SolveWorkspace } from './solveWorkspace.js';

/**
 * Public types of the solver core. The solver knows nothing about coaching: rows are the
 * side that must be assigned (coachees), columns the side with capacities (coaches).
 */

/** Direction of optimisation. */
export type Sense = 'max' | 'min';

/** Algorithms the dispatcher can run; `auto` picks one from the problem's shape. */
export type SolverMethod = 'auto' | 'jv' | 'flow' | 'lp';

/**
 * A weighted, capacitated assignment problem as a caller writes it.
 *
 * Give either `weights` (dense: rows = coachees, columns = coaches; `null` forbids the
 * pair; NaN and infinities are refused) or `rows`, `cols` and `edges` or `compressed`
 * (sparse: absent pairs are forbidden).
 */
export interface AssignmentProblem {
  readonly weights?: ReadonlyArray<ReadonlyArray<number | null>>;
  readonly rows?: number;
  readonly cols?: number;
  readonly edges?: ReadonlyArray<readonly [row: number, col: number, weight: number]>;
  /**
   * Sparse, in compressed rows (with `rows` and `cols`, instead of `edges`): row i's pairs are
   * `rowStart[i] .. rowStart[i+1]-1`, each a column and its weight. For millions of pairs,
   * where a tuple per pair would cost more memory than the solve.
   */
  readonly compressed?: CompressedPairs;
  /** `max` (default) maximises the total weight, `min` minimises it. */
  readonly sense?: Sense;
  /** Per-column maximum load; default 1 each. */
  readonly capacity?: ReadonlyArray<number>;
  /** Per-column minimum load; default 0 each. */
  readonly minLoad?: ReadonlyArray<number>;
  /**
   * When true a row may stay unmatched: the solver matches as many rows as possible and,
   * among those matchings, finds the best total.
   */
  readonly allowUnmatched?: boolean;
}

/** Allowed pairs and their weights in compressed rows; see {@link AssignmentProblem.compressed}. */
export interface CompressedPairs {
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly weight: Float64Array;
}

/** Options for {@link solveAssignment}. */
export interface SolveOptions {
  /** Force an algorithm; `auto` (default) chooses from the problem's shape. */
  readonly method: SolverMethod;
  /**
   * A solution of a closely related problem (same rows and columns, some pairs added or
   * changed) to start from. The result is exact whatever is given here; a good start only
   * makes the flow solver faster. Other methods ignore it.
   */
  readonly warmStart?: WarmStart;
  /**
   * Buffers kept between the solves of a sequence of problems about as large as each other
   * (see SolveWorkspace): the result is the same, the largest arrays are written over
   * instead of made afresh. One workspace serves one solve at a time.
   */
  readonly workspace?: SolveWorkspace;
}

/** A previous result's assignment and column duals (in the problem's sense), as in {@link AssignmentResult}. */
export interface WarmStart {
  readonly assignment: readonly (number | null)[];
  readonly colDual: readonly number[];
}

/** One actionable reason why no assignment exists. */
export type Diagnosis =
  | {
      readonly kind: 'rowWithoutCandidates';
      /** Rows that have no allowed column at all: the first 100, of `rowCount`. */
      readonly rows: readonly number[];
      readonly rowCount: number;
      readonly message: string;
    }
  | {
      readonly kind: 'capacityShort';
      /** How many places are missing: rows to place minus total capacity (> 0). */
      readonly shortBy: number;
      readonly message: string;
    }
  | {
      readonly kind: 'competingRows';
      /**
       * A Hall violator: these rows can only go to `cols`, whose capacity is `shortBy` short
       * of what they need. Each list holds the first 100, of `rowCount` and `colCount`.
       */
      readonly rows: readonly number[];
      readonly rowCount: number;
      readonly cols: readonly number[];
      readonly colCount: number;
      readonly shortBy: number;
      readonly message: string;
    }
  | {
      readonly kind: 'placesOutOfReach';
      /**
       * Coaches some of whose places no placeable row can take (bans keep the others away), so
       * the places within reach fall `shortBy` short of the rows to place. Stated by the
       * candidate path, which cannot name a group of competing rows without every pair. The
       * first 100 coaches, of `colCount`.
       */
      readonly cols: readonly number[];
      readonly colCount: number;
      readonly shortBy: number;
      readonly message: string;
    }
  | {
      readonly kind: 'minLoadUnreachable';
      /** Columns whose minimum load cannot be met (the first 100, of `colCount`), and by how many in total. */
      readonly cols: readonly number[];
      readonly colCount: number;
      readonly shortBy: number;
      readonly message: string;
    };

/**
 * Dual potentials, in the problem's own sense. For `max`: `row[i] + col[j] >= w[i][j]`
 * for every allowed pair, with equality on assigned pairs; so forcing an unassigned pair
 * (i, j) costs at least `row[i] + col[j] - w[i][j]`. `col[j]` is the value of one more
 * place at column j: `>= 0` for `max` (`<= 0` for `min`), and 0 when column j is not full,
 * unless its minimum load binds. For `min` the inequalities flip. With `allowUnmatched`
 * the duals are those of the problem with the number of unmatched rows fixed at its minimum.
 */
export interface Duals {
  readonly row: readonly number[];
  readonly col: readonly number[];
}

/**
 * The outcome of a solve. Expected outcomes are values, not exceptions.
 *
 * `optimal` is exact in double precision: differences between totals below about 10^-12 of the
 * largest |weight| are rounding to it. A "big M" far above the other weights (10^16 next to
 * weights of 0.5 and 1) therefore hides their differences, even on a pair no solution uses:
 * forbid such a pair with `null` (or leave it out) rather than weigh it.
 */
export type AssignmentResult =
  | {
      readonly status: 'optimal';
      readonly method: Exclude<SolverMethod, 'auto'>;
      /** Sum of the chosen weights. */
      readonly objective: number;
      /** `assignment[i]` is the column of row i, or null when unmatched. */
      readonly assignment: readonly (number | null)[];
      readonly loads: readonly number[];
      readonly matched: number;
      readonly duals: Duals;
    }
  | {
      readonly status: 'infeasible';
      readonly method: Exclude<SolverMethod, 'auto'>;
      readonly objective: null;
      readonly assignment: readonly (number | null)[];
      readonly loads: readonly number[];
      readonly matched: number;
      readonly duals: null;
      /** Why: at least one entry, each naming rows or columns a coordinator can act on. */
      readonly diagnosis: readonly Diagnosis[];
    };
