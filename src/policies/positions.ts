import type { FeatureTables } from '../features/featureTables.js';

/** Row of each coachee id and column of each active coach id in the feature tables. */
export interface Positions {
  readonly row: ReadonlyMap<string, number>;
  readonly col: ReadonlyMap<string, number>;
}

/** Builds the id → row/column maps of a set of feature tables. */
export function positions(features: FeatureTables): Positions {
  return {
    row: new Map(features.coacheeIds.map((id, i) => [id, i])),
    col: new Map(features.coachIds.map((id, j) => [id, j])),
  };
}
