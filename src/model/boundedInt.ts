import { z } from 'zod';

/**
 * Zod schema of a whole number from `min` to `max`. A value out of range gets one issue, the
 * range's: `z.int()` would add its own safe-integer bound (1e308 was "expected int to be
 * <=9007199254740991" and "expected number to be <=1000000"). The JSON Schema is
 * `z.int().min(min).max(max)`'s.
 */
export function boundedInt(min: number, max: number) {
  return z.number().min(min, { abort: true }).max(max, { abort: true }).int();
}

/** What {@link boundedInt} accepts, as a plain test: zod's safeParse costs ~1 µs a value, 0.3 s over a large cohort's loads. */
export function isBoundedInt(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}
