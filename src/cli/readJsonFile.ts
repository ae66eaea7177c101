import { readFileSync } from 'node:fs';
import { CoachmatchError } from '../errors.js';

/**
 * Reads and parses a JSON file (a UTF-8 byte-order mark is allowed).
 *
 * @throws CoachmatchError of kind `invalidArgument` when the file is missing or not JSON.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CoachmatchError('invalidArgument', `Cannot read ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CoachmatchError('invalidArgument', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}
