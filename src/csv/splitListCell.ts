/**
 * Splits a list cell (`chess|jazz`, `coach-03 | coach-07`) on the separator, trimming each item
 * and dropping empty ones, so a trailing separator or an empty cell gives no phantom item.
 *
 * @example
 * ```ts
 * splitListCell(' chess | jazz |', '|'); // ['chess', 'jazz']
 * ```
 */
export function splitListCell(cell: string, separator: string): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
