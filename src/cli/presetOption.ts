import { CoachmatchError } from '../errors.js';
import { policyPresetNames } from '../model/policyPresets.js';
import type { PolicyPresetName } from '../model/policySettings.js';

/** Narrows a `--preset` value, or throws `invalidArgument` naming the presets. */
export function presetOption(value: string | undefined): PolicyPresetName | undefined {
  if (value === undefined) return undefined;
  if (!(policyPresetNames as readonly string[]).includes(value)) {
    throw new CoachmatchError('invalidArgument', `--preset must be one of ${policyPresetNames.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as PolicyPresetName;
}
