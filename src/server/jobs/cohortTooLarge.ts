import type { Cohort } from '../../model/cohort.js';

/** A cohort over the server's pair limit, as a job answers it. */
export interface CohortTooLarge {
  readonly outcome: 'tooLarge';
  readonly pairs: number;
  readonly what: string;
  readonly path: string;
}

/** Checks a cohort's coachee × coach pairs against the limit; null when it fits. */
export function cohortTooLarge(cohort: Cohort, maxPairs: number, path = '$.coachees'): CohortTooLarge | null {
  const pairs = cohort.coachees.length * cohort.coaches.length;
  if (pairs <= maxPairs) return null;
  return { outcome: 'tooLarge', pairs, what: `${cohort.coachees.length} coachees × ${cohort.coaches.length} coaches`, path };
}
