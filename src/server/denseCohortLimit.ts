import { DENSE_PAIR_LIMIT } from '../engine/match.js';

/**
 * The pair limit of a cohort built on every pair (`/match` on every pair, `/explain`,
 * `/compare`'s runs, `/rematch`): the server's `maxPairs`, but never above what the engine's
 * dense build holds (DENSE_PAIR_LIMIT). A server started with a larger `maxPairs` (which
 * `/solve` and `/stable` may use) would otherwise pass such a cohort on to the engine, whose
 * refusal is an error of the request's options rather than a 422 `problem-too-large`.
 */
export function denseCohortLimit(maxPairs: number): number {
  return Math.min(maxPairs, DENSE_PAIR_LIMIT);
}
