import type { NumericScale } from '../model/attributeDeclarationSchema.js';

/**
 * Closeness of two numbers on a scale: 1 − |a − b| / (max − min), clamped to [0, 1]. A missing
 * value (either side) is 0. Symmetric.
 *
 * @example
 * ```ts
 * numericCloseness(25, 35, { min: 20, max: 70 }); // 0.8
 * ```
 */
export function numericCloseness(a: number | undefined, b: number | undefined, range: NumericScale): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return 0;
  const span = range.max - range.min;
  if (!(span > 0)) return a === b ? 1 : 0;
  return Math.min(1, Math.max(0, 1 - Math.abs(a - b) / span));
}
