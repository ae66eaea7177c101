/**
 * Concave score of accumulated affinity: 1 − 2^(−units), where each real affinity adds its
 * attribute's weight in units. One unit-weight affinity gives 0.5, two 0.75, three 0.875:
 * one real affinity counts a lot, more add less and less (domain notes: pioneers need one
 * bond, not gender *and* social *and* cultural background).
 *
 * @example
 * ```ts
 * commonGroundScore(1); // 0.5
 * ```
 */
export function commonGroundScore(units: number): number {
  return units > 0 ? 1 - Math.pow(2, -units) : 0;
}
