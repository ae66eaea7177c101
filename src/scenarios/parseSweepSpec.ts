import { describeValue } from '../text/describeValue.js';
import { CoachmatchError } from '../errors.js';
import { parsePlainNumber, parseWholeNumber } from '../model/plainNumber.js';
import { policyInputSchema } from '../model/policyInputSchema.js';
import { sweepablePolicyPaths } from '../model/scenarioSchema.js';
import { withField, type SweepSpec } from './sweep.js';

/**
 * Reads a sweep written `path=from:to:steps`, e.g. `weights.difference=0:1:10` (eleven values,
 * ten steps).
 *
 * @throws CoachmatchError of kind `invalidArgument` for an unknown path, a bad number or a
 * step count that is not a whole number ≥ 1.
 */
export function parseSweepSpec(text: string): SweepSpec {
  if (typeof text !== 'string') throw new CoachmatchError('invalidArgument', `--sweep must look like weights.difference=0:1:10, got ${describeValue(text)}`);
  const match = /^([A-Za-z.]+)=([^:]+):([^:]+):([^:]+)$/.exec(text.trim());
  if (match === null) throw new CoachmatchError('invalidArgument', `--sweep must look like weights.difference=0:1:10, got ${JSON.stringify(text)}`);
  const [, path, fromText, toText, stepsText] = match;
  if (!sweepablePolicyPaths.includes(path!)) {
    throw new CoachmatchError('invalidArgument', `cannot sweep ${JSON.stringify(path)}; one of ${sweepablePolicyPaths.join(', ')}`);
  }
  const [from, to] = [fromText!, toText!].map((bound) => {
    const value = parsePlainNumber(bound);
    if (value === undefined || value < 0) throw new CoachmatchError('invalidArgument', `sweep bounds must be decimal numbers ≥ 0 such as 0.5, got ${JSON.stringify(bound)}`);
    return value;
  }) as [number, number];
  const steps = parseWholeNumber(stepsText!);
  if (steps === undefined || steps < 1 || steps > 1000) throw new CoachmatchError('invalidArgument', `sweep steps must be a whole number from 1 to 1000, got ${JSON.stringify(stepsText)}`);
  const unit = path === 'insiderThreshold' || path === 'minDifferenceForInsiders';
  if (unit && (from > 1 || to > 1)) throw new CoachmatchError('invalidArgument', `${path} lies in [0, 1]`);
  // Every value lies between the bounds: where both pass the policy's own limits, all do.
  for (const bound of [from, to]) {
    const checked = policyInputSchema.safeParse(withField(undefined, path!, bound));
    if (!checked.success) throw new CoachmatchError('invalidArgument', `--sweep ${path}: ${bound} is out of range: ${checked.error.issues[0]!.message}`);
  }
  return { path: path!, from, to, steps };
}
