import type { ServerLimits } from './types.js';

/**
 * Default problem-size limits of the server, apart from the other options so that a route's
 * OpenAPI description can quote them (the options module imports the route table).
 */
export const defaultPairLimits: ServerLimits = {
  maxPairs: 4_000_000,
  // Candidate pairs cost time ~ coachees × coaches and memory ~ coachees × k (bench/LARGE.md, 2 cores:
  // 10^7 pairs 3 s, 250 MB; 40k × 4k = 1.6·10^8 8–16 s, 0.6–0.8 GB; 10^9 19 s, 1.25 GB). 10^8 is
  // about 10 s between those (not measured), a third of the 30 s time limit, so a busy second worker
  // does not push it over; the body limit bounds coachees (5 MiB ≈ 16,000 synthetic records), so memory too.
  maxCandidatePairs: 100_000_000,
};
