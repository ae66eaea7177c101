/**
 * A quota on the pairs that have some property, for {@link solveWithSideConstraints}.
 *
 * - `per: 'total'`: the number of chosen pairs from `pairs` lies in [min, max]
 *   ("at most five dual-role pairs": pairs = dual-role pairs, max 5);
 * - `per: 'row'`: for each row in `over`, the number of its chosen pairs from `pairs`
 *   ("every pioneer with common ground": pairs = pioneer–coach pairs with common ground,
 *   over = the pioneers, min 1);
 * - `per: 'col'`: likewise for each column in `over` ("each senior coach takes at least one
 *   pioneer": pairs = (pioneer, senior coach) pairs, over = the senior coaches, min 1).
 *
 * With `coefficients` the quota bounds a weighted count, Σ coefficient × chosen, instead:
 * "at most 60% insiders per coach" is, per column, Σ (1[insider] − 0.6) × chosen ≤ 0, so
 * pairs = every pair, coefficients = 0.4 for insiders and −0.6 for the others, max 0.
 *
 * Forbidden pairs in `pairs` are ignored: the model is built on the allowed pairs only.
 *
 * @example
 * ```ts
 * const atMostFiveDualRoles: SideConstraint = { name: 'dualRoles', per: 'total', pairs: dualRolePairs, max: 5 };
 * ```
 */
export interface SideConstraint {
  /** Unique name, used in reports. */
  readonly name: string;
  readonly per: 'total' | 'row' | 'col';
  /** The pairs with the property, as [row, col]. */
  readonly pairs: ReadonlyArray<readonly [row: number, col: number]>;
  /** For `row` / `col`: the rows or columns the bound applies to; default every one. */
  readonly over?: readonly number[];
  /**
   * Optional weight of each pair in `pairs` (same order; finite numbers). Without it every
   * pair counts 1 and a pair listed twice counts once; with it a pair may be listed once only.
   */
  readonly coefficients?: readonly number[];
  /**
   * Lower bound on the count: a non-negative integer, default 0 (with `coefficients`: any
   * finite number, default none).
   */
  readonly min?: number;
  /** Upper bound on the count (default none); an integer unless `coefficients` are given. */
  readonly max?: number;
  /**
   * Constraints with the same group are one rule to the caller (a share with both bounds is two
   * constraints) and are priced together: by one solve without all of them. Dropping each alone
   * can gain nothing while dropping both gains (each bound alone rules out the better answers).
   * Default: the constraint is priced on its own.
   */
  readonly group?: string;
}

/** One bound of a quota as the model holds it: the whole quota, or one of its rows/columns. */
export interface QuotaInstance {
  readonly name: string;
  /** The row (per `row`) or column (per `col`) bounded; null for a `total` quota. */
  readonly row: number | null;
  readonly col: number | null;
  /** Null: no lower bound (only possible with coefficients). */
  readonly min: number | null;
  readonly max: number | null;
}

/** How one quota instance came out in the chosen assignment. */
export interface QuotaInstanceOutcome extends QuotaInstance {
  /** Chosen pairs counted by this instance (weighted by the coefficients, if any). */
  readonly count: number;
  /** The count sits at a bound that could have been crossed: `min` or `max`. */
  readonly tight: boolean;
}

/** How a quota as a whole came out. */
export interface QuotaReport {
  readonly name: string;
  /** Instances at their bound. */
  readonly tight: number;
  readonly instances: number;
  /**
   * What the quota costs (with its whole `group`, if it has one): the best objective without it minus the objective with it, in the
   * problem's own sense (≥ 0; placed rows compared first: see `rowsLost`). Null when not priced.
   */
  readonly cost: number | null;
  /** Rows that could be placed without this quota but are not with it (null: not priced). */
  readonly rowsLost: number | null;
  /**
   * True when dropping the quota would allow a better answer: more rows, or a total better by
   * more than 10^-10 of the largest |weight|. Null when not priced, or when the total is better
   * by less than that: the 0/1 backends cannot tell so small a difference (`cost` gives it).
   */
  readonly binding: boolean | null;
}
