import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { CoachmatchError } from '../errors.js';

/**
 * Writes `text` to a file atomically (a temporary file renamed into place, so a reader never
 * sees half a report), or to stdout when `path` is undefined.
 */
export function writeOutput(text: string, path: string | undefined): void {
  if (path === undefined) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CoachmatchError('invalidArgument', `Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
