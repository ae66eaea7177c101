const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const decimalComma = /^[+-]?\d+,\d+$/;

/**
 * Reads a number from a trimmed cell: `3`, `-1.5`, `2e3`, or with a decimal comma (`1,5`, as
 * Dutch, German and French spreadsheets write it; there is no thousands separator). Returns
 * undefined for anything else, including the empty cell.
 *
 * @example
 * ```ts
 * parseNumberCell('4,5'); // 4.5
 * parseNumberCell('four'); // undefined
 * ```
 */
export function parseNumberCell(cell: string): number | undefined {
  if (plain.test(cell)) return Number(cell);
  if (decimalComma.test(cell)) return Number(cell.replace(',', '.'));
  return undefined;
}
