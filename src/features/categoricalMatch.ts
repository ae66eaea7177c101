/**
 * Similarity of two categorical values: 1 when equal, 0 otherwise; a missing value (either
 * side) is 0, since an unknown value is no evidence of a match.
 *
 * @example
 * ```ts
 * categoricalMatch('NL', 'NL'); // 1
 * categoricalMatch('NL', undefined); // 0
 * ```
 */
export function categoricalMatch(a: string | undefined, b: string | undefined): number {
  return a !== undefined && a === b ? 1 : 0;
}
