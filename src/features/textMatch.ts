import { normalizeText } from './normalizeText.js';

/**
 * Similarity of two free-text values: 1 when equal after {@link normalizeText}, 0 otherwise
 * or when either is missing or blank.
 *
 * @example
 * ```ts
 * textMatch('Den Haag', ' den  haag'); // 1
 * ```
 */
export function textMatch(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0;
  const na = normalizeText(a);
  return na.length > 0 && na === normalizeText(b) ? 1 : 0;
}
