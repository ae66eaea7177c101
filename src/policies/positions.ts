import type { FeatureTables } from '../features/featureTables.js';

/** Row of each coachee id and column of each active coach id in the feature tables. */
export interface Positions {
  readonly row: ReadonlyMap<string, number>;
  readonly col: ReadonlyMap<string, number>;
}

/** Maps already built, per id list: every policy asks, and a large cohort asks per chunk of pairs. */
const built = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function indexOf(ids: readonly string[]): ReadonlyMap<string, number> {
  let map = built.get(ids);
  if (map === undefined) {
    map = new Map(ids.map((id, i) => [id, i]));
    built.set(ids, map);
  }
  return map;
}

/** The id → row/column maps of a set of feature tables. */
export function positions(features: FeatureTables): Positions {
  return { row: indexOf(features.coacheeIds), col: indexOf(features.coachIds) };
}
