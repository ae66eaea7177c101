/**
 * Total order on ids by UTF-16 code units, the library's one tie-breaking rule.
 *
 * @remarks Deliberately not `localeCompare`: a locale-dependent order would make the same
 * cohort sort differently on two machines.
 *
 * @example
 * ```ts
 * ['b', 'a', 'B'].sort(compareIds); // ['B', 'a', 'b']
 * ```
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
