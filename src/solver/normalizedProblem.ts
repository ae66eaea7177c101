import type { Sense } from './types.js';

/**
 * The solver's internal form of a problem: costs to minimise in CSR order, forbidden pairs
 * absent. Built once by {@link normalizeProblem}; every algorithm reads this.
 */
export interface NormalizedProblem {
  readonly rows: number;
  readonly cols: number;
  readonly sense: Sense;
  /** Row i's allowed pairs are `rowStart[i] .. rowStart[i+1]-1`, columns ascending. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Caller's weight of each allowed pair. */
  readonly weight: Float64Array;
  /** Cost to minimise: `weight` for `min`, `-weight` for `max`. */
  readonly cost: Float64Array;
  /** Dense row-major costs with `Infinity` for forbidden pairs, when the input was dense. */
  readonly denseCost: Float64Array | null;
  /** The largest |cost| of any allowed pair (0 with none), found while the problem is checked. */
  readonly largestCost: number;
  readonly capacity: Int32Array;
  readonly minLoad: Int32Array;
  readonly allowUnmatched: boolean;
}
