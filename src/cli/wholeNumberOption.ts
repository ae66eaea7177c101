import { CoachmatchError } from '../errors.js';
import { parseWholeNumber } from '../model/plainNumber.js';

/**
 * A whole-number option in plain decimal digits, at least `least`. `Number` alone would read
 * "" as 0, "0x10" as 16 and "1e3" as 1000: an option mistyped should be refused, not guessed.
 *
 * @throws CoachmatchError `invalidArgument` naming the option and what it got.
 */
export function wholeNumberOption(name: string, text: string, least: number): number {
  const value = parseWholeNumber(text);
  if (value === undefined || value < least) throw new CoachmatchError('invalidArgument', `--${name} must be a whole number ≥ ${least}, got ${JSON.stringify(text)}`);
  return value;
}
