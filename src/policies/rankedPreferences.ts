/**
 * A coachee's preferred coaches in rank order, as the preference bonus counts them: only coaches
 * in the pool (an inactive first choice leaves no gap) and each coach once, at its first rank.
 * Reports that name "choice 2" must count the same way, or they contradict the bonus paid.
 */
export function rankedPreferences(preferences: readonly string[], inPool: ReadonlyMap<string, number> | ReadonlySet<string>): string[] {
  return [...new Set(preferences)].filter((id) => inPool.has(id));
}
