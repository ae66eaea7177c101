/**
 * A seeded pseudo-random generator (mulberry32): the benchmark's only source of randomness,
 * so every case is the same problem on every run and for every implementation.
 *
 * @example
 * ```ts
 * const next = mulberry32(42);
 * const weight = Math.floor(next() * 1000); // integer 0–999
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in `[0, bound)` drawn from `next`. */
export function randomInt(next: () => number, bound: number): number {
  return Math.floor(next() * bound);
}
