const truthy = new Set(['true', 'yes', 'y', '1', 'ja', 'j']);
const falsy = new Set(['false', 'no', 'n', '0', 'nee']);

/**
 * Reads a yes/no cell, case-insensitively: `true`/`yes`/`y`/`1` (and Dutch `ja`/`j`) or
 * `false`/`no`/`n`/`0` (and `nee`). Returns undefined for anything else.
 *
 * @example
 * ```ts
 * parseBooleanCell('Yes'); // true
 * ```
 */
export function parseBooleanCell(cell: string): boolean | undefined {
  const value = cell.trim().toLowerCase();
  if (truthy.has(value)) return true;
  if (falsy.has(value)) return false;
  return undefined;
}
