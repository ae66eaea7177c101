import { defaultMatchOptions, LARGE_COHORT_PAIRS, matchesOnCandidates, type MatchOptions } from '../engine/match.js';
import type { Cohort } from '../model/cohort.js';
import { cohortPairs } from '../model/cohortPairs.js';
import { denseCohortLimit } from './denseCohortLimit.js';
import { problemResponse } from './problemResponse.js';
import type { RouteResponse, ServerLimits } from './types.js';

/** A `POST /match` cohort over the limit of the way it would be matched, as the job answers it. */
export interface MatchTooLarge {
  readonly outcome: 'tooLarge';
  readonly pairs: number;
  readonly what: string;
  readonly candidates: MatchOptions['candidates'];
  readonly onCandidates: boolean;
}

/** The pair limits of `POST /match`. */
export type MatchPairLimits = Pick<ServerLimits, 'maxPairs' | 'maxCandidatePairs'>;

/**
 * Checks a cohort against the limit of the way it will be matched: `maxPairs` when every pair
 * is built (never above the engine's dense limit, see denseCohortLimit), `maxCandidatePairs`
 * on candidate pairs. Null when it fits.
 */
export function matchPairLimit(cohort: Cohort, candidates: MatchOptions['candidates'] | undefined, limits: MatchPairLimits): MatchTooLarge | null {
  // Inactive coaches are no columns of either build: the engine counts active ones, so do we.
  const pairs = cohortPairs(cohort);
  const mode = candidates ?? defaultMatchOptions.candidates;
  const onCandidates = matchesOnCandidates(mode, pairs);
  if (pairs <= (onCandidates ? limits.maxCandidatePairs : denseCohortLimit(limits.maxPairs))) return null;
  const active = cohort.coaches.filter((coach) => coach.active).length;
  const coaches = active === cohort.coaches.length ? `${active} coaches` : `${active} active coaches`;
  return { outcome: 'tooLarge', pairs, what: `${cohort.coachees.length} coachees × ${coaches}`, candidates: mode, onCandidates };
}

/** The 422 `problem-too-large` of {@link matchPairLimit}: which limit, and what would fit instead. */
export function matchLimitResponse(tooLarge: MatchTooLarge, limits: MatchPairLimits): RouteResponse {
  const { pairs, what, candidates, onCandidates } = tooLarge;
  const dense = denseCohortLimit(limits.maxPairs);
  let message: string;
  if (onCandidates) {
    message = `${what} = ${pairs} pairs, more than the limit of ${limits.maxCandidatePairs} pairs for matching on candidate pairs`;
    // Only a server whose candidate limit is below its dense one can take this on every pair.
    message += pairs <= dense ? `; pass candidates: 'never' to match on every pair (limit ${dense})` : '; send a smaller cohort';
  } else {
    const why = candidates === 'auto' ? ` (as candidates: 'auto' does up to ${LARGE_COHORT_PAIRS} pairs)` : '';
    message = `${what} = ${pairs} pairs, more than the limit of ${dense} pairs for matching on every pair${why}`;
    message += pairs <= limits.maxCandidatePairs
      ? `; pass candidates: 'always' to match on candidate pairs (limit ${limits.maxCandidatePairs})`
      : '; send a smaller cohort';
  }
  return problemResponse('problem-too-large', message, [{ path: '$.coachees', message }]);
}
