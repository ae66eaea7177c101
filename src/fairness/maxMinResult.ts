import type { AssignmentResult } from '../solver/types.js';

/** A lexicographic max–min optimum: see {@link solveMaxMin}. */
export interface MaxMinOptimal {
  readonly status: 'optimal';
  /** `assignment[i]` is the column of row i, or null when unmatched. */
  readonly assignment: readonly (number | null)[];
  readonly loads: readonly number[];
  readonly matched: number;
  /** Sum of the chosen pairs' weights (the caller's objective). */
  readonly objective: number;
  /** The worst level among placed rows: the best achievable. Null when no row is placed. */
  readonly worst: number | null;
  /** The plain optimum's total, for comparison. */
  readonly optimum: number;
  /** The worst level in the plain optimum (≤ `worst`). Null when no row is placed. */
  readonly optimumWorst: number | null;
  /** Total given up for fairness, in the problem's own sense (≥ 0): |optimum − objective|. */
  readonly priceOfFairness: number;
}

/** What {@link solveMaxMin} returns: the optimum, or the plain solver's infeasible verdict. */
export type MaxMinResult = MaxMinOptimal | Extract<AssignmentResult, { status: 'infeasible' }>;
