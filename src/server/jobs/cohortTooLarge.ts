import type { Cohort } from '../../model/cohort.js';
import { denseCohortLimit } from '../denseCohortLimit.js';

/** A cohort over the server's pair limit, as a job answers it. */
export interface CohortTooLarge {
  readonly outcome: 'tooLarge';
  readonly pairs: number;
  readonly what: string;
  readonly path: string;
  /** The limit exceeded. */
  readonly limit: number;
}

/** Checks a cohort's coachee × coach pairs against the dense limit under `maxPairs` (see denseCohortLimit); null when it fits. */
export function cohortTooLarge(cohort: Cohort, maxPairs: number, path = '$.coachees'): CohortTooLarge | null {
  const pairs = cohort.coachees.length * cohort.coaches.length;
  const limit = denseCohortLimit(maxPairs);
  if (pairs <= limit) return null;
  return { outcome: 'tooLarge', pairs, what: `${cohort.coachees.length} coachees × ${cohort.coaches.length} coaches`, path, limit };
}
