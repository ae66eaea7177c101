import { openBans } from './openBans.js';

/**
 * Per coachee, 1 when the full problem could place it at all: some coach with places that no
 * unwaivable ban excludes (relation and avoid bans exist for every pair, evaluated or not).
 */
export function placeableRows(bans: ReadonlyMap<number, readonly { waivable?: boolean }[]>, rows: number, cols: number, capacity: Int32Array): Uint8Array {
  const { open, bannedOpen } = openBans(bans, rows, cols, capacity, (list) => !list.every((b) => b.waivable));
  return Uint8Array.from(bannedOpen, (banned) => (banned < open ? 1 : 0));
}

/**
 * Per coach, the places the placeable coachees can reach: its places, but no more than the
 * placeable coachees that no unwaivable ban keeps from it. A bound on how many the full problem
 * places that sees a coach everyone avoids: at 5,000 × 1,000 with every coachee avoiding the
 * same 10 coaches, the bound of all places (5,000) could never be reached, and the candidates
 * widened until they gave up, 1.1% below the optimum, where 4,950 is the most.
 */
export function reachablePlaces(bans: ReadonlyMap<number, readonly { waivable?: boolean }[]>, canPlace: Uint8Array, placeable: number, cols: number, capacity: Int32Array): Int32Array {
  const kept = new Int32Array(cols);
  for (const [at, list] of bans) {
    if (list.every((b) => b.waivable)) continue;
    if (canPlace[Math.floor(at / cols)] === 1) kept[at % cols]!++;
  }
  return Int32Array.from(capacity, (places, j) => Math.min(places, placeable - kept[j]!));
}
