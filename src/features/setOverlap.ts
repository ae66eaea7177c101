/**
 * Jaccard similarity of two sets of strings: |a ∩ b| / |a ∪ b|, in [0, 1]. Missing or empty
 * sets give 0 (no evidence of overlap). Duplicates are ignored. Symmetric.
 *
 * @example
 * ```ts
 * setOverlap(['chess', 'running'], ['running', 'sailing']); // 1/3
 * ```
 */
export function setOverlap(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (a === undefined || b === undefined) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 0 : inter / union;
}
