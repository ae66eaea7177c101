import type { RelationIndex } from './relationIndex.js';

/**
 * Caches what a policy derives from the relations alone (bans, flags, penalties by pair),
 * per relation index, settings object and coachee/coach id lists. A large cohort evaluates
 * its pairs in many chunks; these findings do not depend on the chunk, and rebuilding them
 * (names, clan searches) cost 0.1 s a chunk per policy at 100,000 coachees.
 */
export function perMatchCache<T>(): (relations: RelationIndex, settings: object, ids: readonly (readonly string[])[], compute: () => T) => T {
  const byRelations = new WeakMap<RelationIndex, WeakMap<object, { ids: readonly (readonly string[])[]; value: T }>>();
  return (relations, settings, ids, compute) => {
    let bySettings = byRelations.get(relations);
    if (bySettings === undefined) {
      bySettings = new WeakMap();
      byRelations.set(relations, bySettings);
    }
    const hit = bySettings.get(settings);
    if (hit !== undefined && hit.ids.length === ids.length && hit.ids.every((list, k) => list === ids[k])) return hit.value;
    const value = compute();
    bySettings.set(settings, { ids, value });
    return value;
  };
}
