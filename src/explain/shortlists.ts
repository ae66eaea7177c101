import type { PreparedMatch } from '../engine/match.js';
import { CoachmatchError } from '../errors.js';

/** One coachee's shortlist, best coach first. */
export interface Shortlist {
  readonly coacheeId: string;
  readonly coachIds: readonly string[];
}

/** A coach on more shortlists than it has places: those coachees' choices could collide. */
export interface ShortlistCollision {
  readonly coachId: string;
  readonly capacity: number;
  readonly listedBy: readonly string[];
}

/** The result of {@link shortlists}. */
export interface Shortlists {
  /** True when every coachee has a list and can pick any coach on it, whatever the others pick. */
  readonly guaranteed: boolean;
  readonly lists: readonly Shortlist[];
  readonly collisions: readonly ShortlistCollision[];
}

/**
 * Shortlists for self-match programmes: each coachee's k best allowed coaches (by score, ties
 * by coach id), and every coach whose places could run out if all who list it choose it.
 *
 * @remarks
 * Any set of choices can be honoured exactly when no coach is listed more often than its
 * capacity (the worst case is everyone choosing the same coach), so `guaranteed` is
 * `collisions.length === 0`, as long as every list has a coach. The lists are the coachees' own best, not capacity-balanced: a
 * collision report tells the coordinator where to add places or shorten lists.
 *
 * @example
 * ```ts
 * const { guaranteed, collisions } = shortlists(prepareMatch(cohort), 3);
 * ```
 */
export function shortlists(prepared: PreparedMatch, k: number): Shortlists {
  if (!Number.isInteger(k) || k < 1) throw new CoachmatchError('invalidArgument', `k must be a whole number ≥ 1, got ${k}`);
  const { features, combined } = prepared;
  const { cols, utility, bans, capacity } = combined;
  const listedBy: string[][] = features.coachIds.map(() => []);
  const lists = features.coacheeIds.map((coacheeId, row) => {
    const allowed: number[] = [];
    for (let col = 0; col < cols; col++) if (capacity[col]! > 0 && !bans.has(row * cols + col)) allowed.push(col);
    const ids = features.coachIds;
    allowed.sort((a, b) => utility[row * cols + b]! - utility[row * cols + a]! || (ids[a]! < ids[b]! ? -1 : 1));
    const chosen = allowed.slice(0, k);
    for (const col of chosen) listedBy[col]!.push(coacheeId);
    return { coacheeId, coachIds: chosen.map((col) => ids[col]!) };
  });
  const collisions = features.coachIds.flatMap((coachId, col) =>
    listedBy[col]!.length > capacity[col]! ? [{ coachId, capacity: capacity[col]!, listedBy: listedBy[col]! }] : [],
  );
  // A coachee without any allowed coach has nothing to pick: no guarantee for them.
  return { guaranteed: collisions.length === 0 && lists.every((list) => list.coachIds.length > 0), lists, collisions };
}
