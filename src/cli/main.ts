#!/usr/bin/env node
import { runCli } from './runCli.js';

// A reader that stops early (`| head`, a pager quit) closes the pipe: stop quietly, as other
// command-line tools do, rather than with an unhandled 'error' event and its stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
