/**
 * The unit of a problem's rounding tolerances (`1e-12 · (unit + |x|)` and the like): 1 for
 * weights of 1 and above, as it always was, and the largest |cost| below that. A fixed 1 made
 * tolerances absolute for small weights: at weights of 1e-13 a warm start kept rows that were
 * worse by 1e-13, and the LP's answers were certified 2e-30 short of the optimum.
 */
export function roundingUnit(largestCost: number): number {
  return Math.min(1, largestCost);
}
