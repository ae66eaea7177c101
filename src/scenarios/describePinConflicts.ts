import type { PinConflict } from '../explain/solvePinned.js';
import { compareIds } from '../model/compareIds.js';
import type { IdPair } from './scenario.js';

/**
 * The canonical order of pins: by coachee id, then coach id (compareIds). The order in which a
 * file lists its pins carries no meaning (test/determinism/README.md), so nothing said about
 * pins may follow it.
 */
export function comparePins(a: IdPair, b: IdPair): number {
  return compareIds(a.coacheeId, b.coacheeId) || compareIds(a.coachId, b.coachId);
}

/** A pin in words, by its ids ("student-01 → coach-02"): never by its place in a list, which the file's order decides. */
export function describePin(pin: IdPair): string {
  return `${pin.coacheeId} → ${pin.coachId}`;
}

const kindRank: Record<PinConflict['kind'], number> = { banned: 0, twoColumns: 1, overCapacity: 2 };

/**
 * Pin conflicts in words, one line per banned pin and one per other conflict, byte-identical
 * whatever the order of `pins`: each conflict names its pins by ids in canonical order, and the
 * conflicts come banned first, then by kind and their first pin in canonical order.
 *
 * @param pins - the pins the conflicts' indexes point into, in any order.
 * @param bans - ban reasons per pair key `coacheeId→coachId`.
 * @param coachIds - the coach of each column.
 *
 * @example
 * ```ts
 * describePinConflicts(result.conflicts, pins, run.bans, features.coachIds);
 * // ['student-01 → coach-01, student-08 → coach-01 put 2 coachees on coach-01 (capacity 1)']
 * ```
 */
export function describePinConflicts(
  conflicts: readonly PinConflict[],
  pins: readonly IdPair[],
  bans: Readonly<Record<string, readonly string[]>>,
  coachIds: readonly string[],
): string[] {
  const sorted = conflicts
    // A pin written twice is one pin (solvePinned counts rows, not pins).
    .map((conflict) => ({ conflict, named: conflict.pins.map((p) => pins[p]!).sort(comparePins).filter((p, n, all) => n === 0 || comparePins(all[n - 1]!, p) !== 0) }))
    .sort((x, y) => kindRank[x.conflict.kind] - kindRank[y.conflict.kind] || comparePins(x.named[0]!, y.named[0]!));
  return sorted.flatMap(({ conflict, named }) => {
    const list = named.map(describePin).join(', ');
    switch (conflict.kind) {
      case 'banned':
        return named.map((p) => `${describePin(p)} is banned: ${(bans[`${p.coacheeId}→${p.coachId}`] ?? []).join('; ')}`);
      case 'twoColumns':
        return [`${list} pin one coachee to two coaches`];
      case 'overCapacity':
        return [`${list} put ${named.length} coachees on ${coachIds[conflict.col]} (capacity ${conflict.capacity})`];
    }
  });
}
