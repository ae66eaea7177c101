import { CoachmatchError } from '../errors.js';
import { validateCohort } from '../model/validateCohort.js';
import { readJsonFile } from './readJsonFile.js';

export const validateUsage = `coachmatch validate <cohort.json>

Checks a cohort file and lists every problem with its JSON path.
Exit code 0: valid; 2: invalid.`;

/** `coachmatch validate`: returns the process exit code. */
export function validateCommand(args: string[]): number {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new CoachmatchError('invalidArgument', `expected one cohort file\n\n${validateUsage}`);
  const outcome = validateCohort(readJsonFile(args[0]!));
  if (!outcome.ok) throw new CoachmatchError('invalidCohort', `Invalid cohort ${args[0]}`, outcome.issues);
  const { coaches, coachees, people, relations } = outcome.cohort;
  process.stdout.write(`${args[0]}: valid (${coachees.length} coachees, ${coaches.length} coaches, ${people.length} other people, ${relations.length} relations)\n`);
  return 0;
}
