import { parseOptions } from './parseOptions.js';
import { CoachmatchError } from '../errors.js';
import { parseStablePrefs } from '../model/stablePrefsSchema.js';
import { stableMatchByIds } from '../stable/stableMatchByIds.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const stableUsage = `coachmatch stable <prefs.json> [--out file]

Stable matching (deferred acceptance) from ranked lists:
{ "coacheePrefs": {id: [coachId, …]}, "coachPrefs": {id: [coacheeId, …]},
  "capacity": {coachId: n}, "optimal": "coachee" | "coach" }
Prints { "matching": {coachId: [coacheeId, …]}, "unmatched": [coacheeId, …] }.
A pair is acceptable only when both list each other; capacity defaults to 1.
Exit code 0: matched; 2: bad input.`;

/** `coachmatch stable`: returns the process exit code. */
export function stableCommand(args: string[]): number {
  const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one preferences file\n\n${stableUsage}`);
  const result = stableMatchByIds(parseStablePrefs(readJsonFile(positionals[0]!)));
  writeOutput(JSON.stringify(result, null, 2), values.out);
  return 0;
}
