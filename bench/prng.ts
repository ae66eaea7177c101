export { mulberry32 } from '../fixtures/synthetic/mulberry32.js';

/** A uniform integer in `[0, bound)` drawn from `next`. */
export function randomInt(next: () => number, bound: number): number {
  return Math.floor(next() * bound);
}
