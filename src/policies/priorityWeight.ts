/**
 * The solver's weight of a pair of the given utility for a coachee of the given priority
 * multiplier (see priorityPolicy): a gain counts `multiplier` times, a loss `1 / multiplier`
 * times, so that a coachee of higher priority is served first whether the pairs on offer are
 * good or bad (multiplying a loss would serve them last). At multiplier 0 every pair weighs 0,
 * as documented for priority 0 (a filler of the places left): such a coachee can then be
 * placed before one whose every pair scores below 0.
 * Non-decreasing in the utility for every multiplier: an upper bound of a pair's utility gives
 * one of its weight, and a row's ranking of its coaches is its utilities'.
 */
export function priorityWeight(multiplier: number, utility: number): number {
  if (utility >= 0) return multiplier * utility;
  if (utility === -Infinity) return -Infinity;
  return multiplier > 0 ? utility / multiplier : 0;
}
