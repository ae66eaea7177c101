import { CoachmatchError, isErrorOfKind } from '../errors.js';
import { compareCommand, compareUsage } from './compareCommand.js';
import { explainCommand, explainUsage } from './explainCommand.js';
import { matchCommand, matchUsage } from './matchCommand.js';
import { rematchCommand, rematchUsage } from './rematchCommand.js';
import { schemaCommand, schemaUsage } from './schemaCommand.js';
import { serveCommand, serveUsage } from './serveCommand.js';
import { shortlistCommand, shortlistUsage } from './shortlistCommand.js';
import { solveCommand, solveUsage } from './solveCommand.js';
import { stableCommand, stableUsage } from './stableCommand.js';
import { validateCommand, validateUsage } from './validateCommand.js';
import { OutputWriteError } from './writeOutput.js';

type Command = (args: string[]) => number | Promise<number>;

// A Map, not an object literal: a command name such as "constructor" or "__proto__" must not
// find an Object.prototype member.
const commands: ReadonlyMap<string, { run: Command; usage: string }> = new Map([
  ['match', { run: matchCommand, usage: matchUsage }],
  ['validate', { run: validateCommand, usage: validateUsage }],
  ['explain', { run: explainCommand, usage: explainUsage }],
  ['compare', { run: compareCommand, usage: compareUsage }],
  ['rematch', { run: rematchCommand, usage: rematchUsage }],
  ['shortlist', { run: shortlistCommand, usage: shortlistUsage }],
  ['schema', { run: schemaCommand, usage: schemaUsage }],
  ['solve', { run: solveCommand, usage: solveUsage }],
  ['serve', { run: serveCommand, usage: serveUsage }],
  ['stable', { run: stableCommand, usage: stableUsage }],
]);

/**
 * Exit code of an internal error (EX_SOFTWARE in sysexits.h): not 1, which means infeasible,
 * nor 2, which means the input is at fault.
 */
export const INTERNAL_ERROR = 70;

/** Exit code when the output cannot be written (EX_IOERR in sysexits.h): stdout on a full disk or a closed descriptor. */
export const OUTPUT_ERROR = 74;

const usage = `Usage: coachmatch <command> [options]

Commands:
${[...commands.values()].map((c) => `  ${c.usage.split('\n')[0]}`).join('\n')}

Run "coachmatch <command> --help" for details.
Exit codes: 0 success; 1 infeasible; 2 bad input; ${INTERNAL_ERROR} internal error (a bug: please report it); ${OUTPUT_ERROR} the output could not be written.`;

/**
 * Runs the CLI and returns its exit code: 0 success, 1 infeasible, 2 bad input,
 * {@link INTERNAL_ERROR} an internal error, {@link OUTPUT_ERROR} an output file not written.
 */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const command = commands.get(name);
  if (command === undefined) {
    process.stderr.write(`coachmatch: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (isErrorOfKind(error, 'internal')) return reportInternalError(name, error);
    if (error instanceof OutputWriteError) {
      process.stderr.write(`coachmatch ${name}: ${error.message}\n`);
      return OUTPUT_ERROR;
    }
    if (error instanceof CoachmatchError) {
      process.stderr.write(`coachmatch ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`coachmatch ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    return reportInternalError(name, error);
  }
}

/** One line on stderr, no stack trace: what failed, and that it is ours to fix. */
function reportInternalError(name: string, error: unknown): number {
  // The first line only, cut short: a message may quote a whole input.
  const line = describeThrown(error).split('\n')[0]!.slice(0, 500);
  process.stderr.write(`coachmatch ${name}: internal error (${line}). This is a bug: please report it.\n`);
  return INTERNAL_ERROR;
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be described';
  }
}
