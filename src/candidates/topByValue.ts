import { BoundedBest } from './boundedBest.js';

/**
 * Indices of the `k` largest values, ties to the lower index (in no particular order): each
 * value offered in turn to a {@link BoundedBest} of k. `scratch`, a BoundedBest of k reused
 * call after call, saves its allocation (typed arrays cost about a microsecond each); the
 * answer is then a view of it, valid until its next use.
 */
export function topByValue(values: Float64Array, k: number, scratch?: BoundedBest): Int32Array {
  const best = scratch !== undefined && scratch.size === k ? scratch : new BoundedBest(k);
  best.clear();
  for (let j = 0; j < values.length; j++) best.offer(values[j]!, j);
  return best.rows();
}
