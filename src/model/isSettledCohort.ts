import type { Cohort } from './cohort.js';

/** Cohorts found frozen through and through: a frozen object stays frozen, so the answer keeps. */
const settled = new WeakSet<object>();

/**
 * Cohorts {@link parseCohort} returned (validated, canonical, frozen as they were built): the
 * only cohorts `match` runs without validating them again.
 */
const parsed = new WeakSet<object>();

/**
 * Whether a cohort can never change: frozen through and through, as {@link parseCohort}
 * leaves it. What is derived from a cohort may be cached by the cohort object only then; a
 * cohort built or copied by the caller (a structuredClone, a hand-made object) can change
 * between two matches, and a cache keyed by it would answer for the old data.
 *
 * Settled says nothing about valid: a caller's frozen copy is settled and may hold anything
 * (see {@link isParsedCohort}). The walk visits each object once, so a frozen cohort that
 * refers back to itself is answered rather than walked for ever.
 */
export function isSettledCohort(cohort: Cohort): boolean {
  if (settled.has(cohort)) return true;
  // Depth first with a stack of our own: a cohort is a few levels deep but very wide.
  const pending: unknown[] = [cohort];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (!Object.isFrozen(value)) return false;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && !seen.has(child)) pending.push(child);
  }
  settled.add(cohort);
  return true;
}

/**
 * Records a cohort as settled without looking: for the engine's own cohorts, which nothing
 * else holds (parseCohort's, frozen as they are built; a helper thread's private copy).
 * Checking a 100,000-coachee cohort object by object took about 0.2 s.
 */
export function trustSettled<T extends Cohort>(cohort: T): T {
  settled.add(cohort);
  return cohort;
}

/**
 * Records a cohort {@link parseCohort} validated and built (and froze): settled, and known
 * valid. Internal to the model (canonicalizeCohort).
 */
export function trustParsed<T extends Cohort>(cohort: T): T {
  parsed.add(cohort);
  return trustSettled(cohort);
}

/**
 * Whether {@link parseCohort} returned this very object: one lookup, whatever the cohort's
 * size. Anything else (a copy, an edit, a hand-made or frozen object) must be validated.
 */
export function isParsedCohort(cohort: unknown): boolean {
  return typeof cohort === 'object' && cohort !== null && parsed.has(cohort);
}
