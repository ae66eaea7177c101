#!/usr/bin/env node
import { OUTPUT_ERROR, runCli } from './runCli.js';
import { systemErrorReason } from './systemErrorReason.js';

// A reader that stops early (`| head`, a pager quit) closes the pipe: stop quietly, as other
// command-line tools do, rather than with an unhandled 'error' event and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Any other failure (a full disk, a closed descriptor): one line and an exit code of its own,
  // not an uncaught exception's stack trace and 1, which means infeasible.
  process.stderr.write(`coachmatch: cannot write the output: ${systemErrorReason(error)}\n`);
  process.exit(OUTPUT_ERROR);
});
// Nowhere left to report a failed write to stderr: the exit code still tells (2 for bad input).
process.stderr.on('error', () => undefined);

process.exitCode = await runCli(process.argv.slice(2));
