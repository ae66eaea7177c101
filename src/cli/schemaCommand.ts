import { cohortJsonSchema } from '../model/cohortJsonSchema.js';
import { writeOutput } from './writeOutput.js';
import { CoachmatchError } from '../errors.js';

export const schemaUsage = `coachmatch schema

Prints the JSON Schema of a cohort file.`;

/** `coachmatch schema`: returns the process exit code. */
export function schemaCommand(args: string[]): number {
  if (args.length > 0) throw new CoachmatchError('invalidArgument', `schema takes no arguments\n\n${schemaUsage}`);
  writeOutput(JSON.stringify(cohortJsonSchema(), null, 2), undefined);
  return 0;
}
