/**
 * The most candidate pairs the rounds may grow to by default (see {@link defaultPairBudget} and
 * CandidateSettings.pairBudget). A pair costs about 70–80 bytes at the peak of a round, all told (100,000 × 10,000 of 15 kinds: 2.50 GB at
 * 24.4 million pairs, 0.55 GB of it before the first round). Coachees who are exact twins each need every coach the group uses (see
 * shareAmongAlike), so their pairs grow with the square of the group's size: 50,000 × 5,000 of
 * 15 kinds was certified at 23.3 million pairs, 1.94 GB, in 34 s; 100,000 × 10,000 of 15 kinds
 * had grown past 4.4 GB in 7 rounds and 286 s without a certificate, and with this budget
 * stops after 4 rounds at 24.4 million pairs, 2.50 GB peak, 65 s (2026-12-03, one run each).
 * Diverse cohorts stay far below it (100,000 × 10,000: 4.8 million pairs).
 */
export const PAIR_BUDGET = 25_000_000;

/** Peak memory the default pair budget aims to keep a match within: the 2 GB of issue 7, less a margin. */
const MEMORY_AIM_BYTES = 1_850_000_000;
/** Memory a coachee takes before the first round, helper thread included (100,000 × 10,000: about 0.55 GB). */
const BYTES_PER_COACHEE = 5_500;
/** Memory a candidate pair takes at the peak of a round, measured on cohorts of 15 kinds (50,000 × 5,000 and 100,000 × 10,000: 60–70 bytes). */
export const BYTES_PER_PAIR = 70;
/** Pairs a coachee may always have: the first round's (48 from 10^8 pairs) and some room, whatever the memory aim. */
const PAIRS_PER_COACHEE_AT_LEAST = 60;

/**
 * The pair budget when none is set: what keeps a match of `rows` coachees within
 * MEMORY_AIM_BYTES, at least PAIRS_PER_COACHEE_AT_LEAST a coachee, at most {@link PAIR_BUDGET}.
 * 100,000 coachees: 18,571,428 (100,000 × 10,000 of 15 kinds, stopped unproven either way:
 * 1.74 GB, 29 s and a gap of 44,427 at 18.6 million, against 2.2–2.3 GB, 41 s and 64,869 at 25
 * million); 50,000: 22,500,000 (50,000 × 5,000 of 15 kinds is certified at 21.3 million pairs,
 * 1.59 GB); 200,000: 12,000,000 (200,000 × 20,000 is certified at 9.8 million pairs, 2.16 GB,
 * most of it the cohort); up to about 18,000 coachees: PAIR_BUDGET (single runs, 2026-12-04).
 */
export function defaultPairBudget(rows: number): number {
  return Math.min(PAIR_BUDGET, Math.max(PAIRS_PER_COACHEE_AT_LEAST * rows, Math.floor((MEMORY_AIM_BYTES - BYTES_PER_COACHEE * rows) / BYTES_PER_PAIR)));
}
