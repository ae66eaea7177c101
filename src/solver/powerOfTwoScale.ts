/**
 * Scaling by powers of two, which is exact (short of overflow and denormals): weights of any
 * scale can be handed to a solver with absolute tolerances (javascript-lp-solver's 1e-9,
 * HiGHS's) near the magnitude it is tuned for, and nothing is lost on the way.
 */

/**
 * The LP backends treat reduced costs below about 1e-9 as zero, so weights handed to them are
 * scaled to make the largest about 2^this (about 10^6): then only differences below ~1e-15 of
 * it go unseen, finer than the optimality checks' tolerance (1e-12 of it).
 */
export const LP_WEIGHT_EXPONENT = 20;

/** The exponent e for which `largest · 2^e` lies within a factor √2 of `2^target`; 0 when `largest` is 0. */
export function exponentToward(largest: number, target: number): number {
  return largest === 0 ? 0 : target - Math.round(Math.log2(largest));
}

/** `x · 2^exponent`, in steps whose factors stay finite (weights of 5e-324 need 2^1094). */
export function timesPowerOfTwo(x: number, exponent: number): number {
  let out = x;
  let left = exponent;
  for (; left > 1000; left -= 1000) out *= 2 ** 1000;
  for (; left < -1000; left += 1000) out *= 2 ** -1000;
  return out * 2 ** left;
}

/** `values` times the power of two that brings the largest |value| near 2^{@link LP_WEIGHT_EXPONENT}: an objective an LP backend sees at its scale, exactly. */
export function scaledForLp(values: ArrayLike<number>): Float64Array {
  let largest = 0;
  for (let k = 0; k < values.length; k++) largest = Math.max(largest, Math.abs(values[k]!));
  const exponent = exponentToward(largest, LP_WEIGHT_EXPONENT);
  return Float64Array.from(values, (x) => timesPowerOfTwo(x, exponent));
}
