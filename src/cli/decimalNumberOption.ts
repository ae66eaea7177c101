import { CoachmatchError } from '../errors.js';
import { parsePlainNumber } from '../model/plainNumber.js';

/**
 * A number option in plain decimal notation (`0.5`, `2`), at least `least`: as for
 * {@link wholeNumberOption}, "" is not 0, "0x10" not 16 and "1e3" not 1000.
 *
 * @throws CoachmatchError `invalidArgument` naming the option and what it got.
 */
export function decimalNumberOption(name: string, text: string, least: number): number {
  const value = parsePlainNumber(text);
  if (value === undefined || value < least) throw new CoachmatchError('invalidArgument', `--${name} must be a decimal number ≥ ${least} such as 0.5, got ${JSON.stringify(text)}`);
  return value;
}
