import { parseOptions } from './parseOptions.js';
import { parseProblemFile } from '../model/problemFileSchema.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import type { SolverMethod } from '../solver/types.js';
import { CoachmatchError } from '../errors.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

const methods: readonly SolverMethod[] = ['auto', 'jv', 'flow', 'lp'];

export const solveUsage = `coachmatch solve <problem.json> [--method auto|jv|flow|lp] [--out file]

Solves a weighted, capacitated assignment problem and prints the result as JSON.
Exit code 0: optimal; 1: infeasible (the result carries a diagnosis); 2: bad input.`;

/** `coachmatch solve`: returns the process exit code. */
export function solveCommand(args: string[]): number {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { method: { type: 'string', default: 'auto' }, out: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one problem file\n\n${solveUsage}`);
  const method = values.method as SolverMethod;
  if (!methods.includes(method)) {
    throw new CoachmatchError('invalidArgument', `--method must be one of ${methods.join(', ')}, got ${JSON.stringify(values.method)}`);
  }
  const problem = parseProblemFile(readJsonFile(positionals[0]!));
  const result = solveAssignment(problem, { method });
  writeOutput(JSON.stringify(result), values.out);
  return result.status === 'optimal' ? 0 : 1;
}
