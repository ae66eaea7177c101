/**
 * A two-sided matching problem with ranked lists, by index: rows (coachees) rank columns
 * (coaches) and columns rank rows, best first. Lists may be incomplete: a pair is
 * acceptable only when each side lists the other; a pair listed by one side only is ignored.
 * Column j takes at most `capacity[j]` rows (default 1 each).
 *
 * @example
 * ```ts
 * const problem: StableProblem = {
 *   rows: 2, cols: 1,
 *   rowPrefs: [[0], [0]],
 *   colPrefs: [[1, 0]],
 *   capacity: [1],
 * };
 * ```
 */
export interface StableProblem {
  readonly rows: number;
  readonly cols: number;
  /** `rowPrefs[i]`: the columns row i accepts, most preferred first, no repeats. */
  readonly rowPrefs: ReadonlyArray<ReadonlyArray<number>>;
  /** `colPrefs[j]`: the rows column j accepts, most preferred first, no repeats. */
  readonly colPrefs: ReadonlyArray<ReadonlyArray<number>>;
  /** Per-column capacity; default 1 each. */
  readonly capacity?: ReadonlyArray<number>;
}

/** Which side proposes, and so gets its best stable matching. */
export type Proposer = 'rows' | 'cols';

/** A matching of a {@link StableProblem}. */
export interface StableMatching {
  /** `assignment[i]` is row i's column, or null when unmatched. */
  readonly assignment: readonly (number | null)[];
  /** `members[j]`: the rows column j holds, in column j's order of preference (best first). */
  readonly members: readonly (readonly number[])[];
  readonly matched: number;
}
