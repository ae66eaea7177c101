/**
 * Formats a score or fit for a report: two decimals, a true minus sign, and an en dash for
 * "no value" (no matched coachee).
 *
 * @example
 * ```ts
 * formatNumber(-0.1234); // '−0.12'
 * ```
 */
export function formatNumber(value: number | null, digits = 2): string {
  if (value === null) return '–';
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** A share in [0, 1] as a whole percentage (`0.714` → `71%`), or an en dash for null. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}
