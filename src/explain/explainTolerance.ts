import { roundingUnit } from '../solver/roundingUnit.js';

type Weights = ReadonlyArray<ReadonlyArray<number | null>>;

/** The largest |weight| among the allowed pairs. */
export function largestWeight(weights: Weights): number {
  let largest = 0;
  for (const row of weights) for (const w of row) if (w !== null) largest = Math.max(largest, Math.abs(w));
  return largest;
}

/**
 * Within this, two totals of matchings are one: 1e-9 of what their rounding grows with, the
 * sum of the chosen |weights|, plus the solver's rounding unit. A floor of 1 made it absolute:
 * at weights of 1e-12 a matching short of the optimum passed as optimal, and every loss tied.
 */
export function totalTolerance(weights: Weights, assignment: readonly (number | null)[]): number {
  let magnitude = 0;
  assignment.forEach((col, row) => {
    const w = col === null ? null : weights[row]?.[col];
    if (typeof w === 'number') magnitude += Math.abs(w);
  });
  return 1e-9 * (roundingUnit(largestWeight(weights)) + magnitude);
}
