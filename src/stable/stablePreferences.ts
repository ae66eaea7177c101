/**
 * Ranked lists by id, as a programme collects them: each coachee ranks coaches and each
 * coach ranks coachees, best first; incomplete lists allowed (a pair is acceptable only when
 * both list each other). The wire form of `coachmatch stable`.
 *
 * @example
 * ```ts
 * const prefs: StablePreferences = {
 *   coacheePrefs: { ann: ['kim', 'lee'], bob: ['kim'] },
 *   coachPrefs: { kim: ['bob', 'ann'], lee: ['ann'] },
 *   capacity: { kim: 1, lee: 1 },
 *   optimal: 'coachee',
 * };
 * ```
 */
export interface StablePreferences {
  readonly coacheePrefs: Readonly<Record<string, readonly string[]>>;
  readonly coachPrefs: Readonly<Record<string, readonly string[]>>;
  /** Places per coach; a coach not listed here has 1. */
  readonly capacity?: Readonly<Record<string, number>>;
  /** Whose best stable matching: `coachee` (default; coachees propose) or `coach`. */
  readonly optimal?: 'coachee' | 'coach';
}

/** A matching by id: every coach (by id) with their coachees (by id), and who is left over. */
export interface StableAssignmentById {
  readonly matching: Readonly<Record<string, readonly string[]>>;
  readonly unmatched: readonly string[];
}
