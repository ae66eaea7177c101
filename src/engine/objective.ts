/**
 * What `match` optimises:
 * - `total`: the best total priority-weighted utility (the default);
 * - `fair`: lexicographic max–min — the best possible worst coachee score, then the best
 *   total among the matchings that reach it (see `solveMaxMin`);
 * - `stable`: coachee-proposing deferred acceptance on the engine's scores — coachees rank
 *   their allowed coaches by utility, coaches rank coachees by the same (priority-weighted)
 *   utility; ties go to the smaller id.
 */
export type MatchObjective = 'total' | 'fair' | 'stable';

/** Every {@link MatchObjective}, for validating user input. */
export const matchObjectives: readonly MatchObjective[] = Object.freeze(['total', 'fair', 'stable']);
