import type { PairSet } from '../features/pairSet.js';
import type { UtilityTerm } from './policy.js';

/**
 * A utility term `weight(row) × feature(pair)` over the pairs of `pairs`, from a feature in
 * pair order (`features.byPair`), as the flat array the engine adds up.
 */
export function pairTerm(key: string, label: string, feature: Float64Array, pairs: PairSet, weight: (row: number) => number): UtilityTerm {
  const values = new Float64Array(pairs.size);
  const { rowStart } = pairs;
  for (let i = 0; i < pairs.rows; i++) {
    // A chunk of a large cohort's pairs leaves most rows empty: no weight asked of those.
    if (rowStart[i] === rowStart[i + 1]) continue;
    const w = weight(i);
    if (w === 0) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) values[p] = w * feature[p]!;
  }
  return { key, label, values };
}
