// What `Number` would guess at is refused: "" and " " (0), "0x10" (16), "1e3" (1000),
// "Infinity". A number typed in an option or a sweep is plain decimal digits.
const decimal = /^\s*[+-]?(\d+(\.\d+)?|\.\d+)\s*$/;
const whole = /^\s*\d+\s*$/;

/** A decimal number written plainly (`2`, `-0.5`, `.25`), or undefined for any other text. */
export function parsePlainNumber(text: string): number | undefined {
  const value = decimal.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** A whole number of plain digits (`0`, `12`) that is exact as a double, or undefined for any other text. */
export function parseWholeNumber(text: string): number | undefined {
  const value = whole.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(value) ? value : undefined;
}
