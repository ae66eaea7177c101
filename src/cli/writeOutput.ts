import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { CoachmatchError } from '../errors.js';
import { systemErrorReason } from './systemErrorReason.js';

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
  if (existing?.isDirectory()) throw new CoachmatchError('invalidArgument', `Cannot write ${path}: it is a directory`);
  if (existing !== undefined && !existing.isFile()) {
    try {
      writeFileSync(target, text);
      return;
    } catch (error) {
      throw new CoachmatchError('invalidArgument', `Cannot write ${path}: ${systemErrorReason(error)}`);
    }
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CoachmatchError('invalidArgument', `Cannot write ${path}: ${systemErrorReason(error)}`);
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
