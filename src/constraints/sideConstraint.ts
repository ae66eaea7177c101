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
  /** Lower bound on the count (default 0). */
  readonly min?: number;
  /** Upper bound on the count (default none). */
  readonly max?: number;
}

/** One bound of a quota as the model holds it: the whole quota, or one of its rows/columns. */
export interface QuotaInstance {
  readonly name: string;
  /** The row (per `row`) or column (per `col`) bounded; null for a `total` quota. */
  readonly row: number | null;
  readonly col: number | null;
  readonly min: number;
  readonly max: number | null;
}

/** How one quota instance came out in the chosen assignment. */
export interface QuotaInstanceOutcome extends QuotaInstance {
  /** Chosen pairs counted by this instance. */
  readonly count: number;
  /** The count sits at `min` (> 0) or at `max`. */
  readonly tight: boolean;
}

/** How a quota as a whole came out. */
export interface QuotaReport {
  readonly name: string;
  /** Instances at their bound. */
  readonly tight: number;
  readonly instances: number;
  /**
   * What the quota costs: the best objective without it minus the objective with it, in the
   * problem's own sense (≥ 0; placed rows compared first: see `rowsLost`). Null when not priced.
   */
  readonly cost: number | null;
  /** Rows that could be placed without this quota but are not with it (null: not priced). */
  readonly rowsLost: number | null;
  /** True when dropping the quota would allow a better answer (more rows or a better total). */
  readonly binding: boolean | null;
}
