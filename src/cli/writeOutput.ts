import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { CoachmatchError } from '../errors.js';
import { systemErrorReason } from './systemErrorReason.js';

/**
 * The output file could not be written (a full disk, a missing folder, no permission): the
 * input was fine, so the CLI exits with its own code, as for a failed write to stdout.
 */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
}

/**
 * Writes `text` to a file atomically (a temporary file renamed into place, so a reader never
 * sees half a report), or to stdout when `path` is undefined. A symbolic link is followed, so
 * the file it points to gets the text and the link stays; a pipe or device (`/dev/stdout`, a
 * named pipe) is written to directly, since renaming over it would replace it with a file.
 */
export function writeOutput(text: string, path: string | undefined): void {
  if (path === '') throw new CoachmatchError('invalidArgument', '--out needs a file name');
  if (path === undefined) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const target = resolvedTarget(path);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new OutputWriteError(`Cannot write ${path}: it is a directory`);
  if (existing !== undefined && !existing.isFile()) {
    try {
      writeFileSync(target, text);
      return;
    } catch (error) {
      throw new OutputWriteError(`Cannot write ${path}: ${systemErrorReason(error)}`);
    }
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OutputWriteError(`Cannot write ${path}: ${systemErrorReason(error)}`);
  }
}

/** The path with every symbolic link resolved; the path itself when it does not exist yet (or names a dangling link). */
function resolvedTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
