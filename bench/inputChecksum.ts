import type { BenchCase } from './benchCase.js';

/**
 * A position-sensitive checksum of a case's input, taken before and after a check run: an
 * implementation that changes the caller's matrix or edges would corrupt the next run.
 */
export function inputChecksum(c: BenchCase): number {
  let h = 0;
  let k = 0;
  const mix = (v: number | null | undefined): void => {
    const x = v === null || v === undefined ? -1e9 : Number.isFinite(v) ? v : 1e12;
    h = (h * 31 + x * ((k++ % 1021) + 1)) % 1e13;
  };
  for (const row of c.problem.weights ?? []) for (const w of row) mix(w);
  for (const [i, j, w] of c.problem.edges ?? []) {
    mix(i);
    mix(j);
    mix(w);
  }
  for (const cap of c.problem.capacity ?? []) mix(cap);
  return h;
}
