import type { Cohort } from './cohort.js';

/** Coachee × coach pairs a match considers: every coachee with every active coach. */
export function cohortPairs(cohort: Pick<Cohort, 'coachees' | 'coaches'>): number {
  let active = 0;
  for (const coach of cohort.coaches) if (coach.active) active++;
  return cohort.coachees.length * active;
}
