import { readFileSync } from 'node:fs';
import { CoachmatchError } from '../errors.js';
import { decodeStrictUtf8 } from '../text/decodeStrictUtf8.js';
import { parseJsonText } from '../text/parseJsonText.js';

/**
 * Reads and parses a JSON file: strict UTF-8 (JSON's encoding), a byte-order mark allowed; a
 * repeated key, a lone surrogate or nesting deeper than 64 levels refused at its JSON path
 * (see parseJsonText).
 *
 * @throws CoachmatchError of kind `invalidArgument` when the file is missing, not UTF-8, not
 * JSON, or JSON that cannot be read unambiguously.
 */
export function readJsonFile(path: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CoachmatchError('invalidArgument', `Cannot read ${path}: ${reason}`);
  }
  const decoded = decodeStrictUtf8(bytes);
  if (!('text' in decoded)) {
    const found = decoded.encoding !== null ? `is ${decoded.encoding} text` : `is not UTF-8 text (line ${decoded.badLine})`;
    throw new CoachmatchError('invalidArgument', `${path} ${found}: save it as UTF-8`);
  }
  const read = parseJsonText(decoded.text);
  if (read.ok) return read.value;
  if (read.reason === 'malformed') throw new CoachmatchError('invalidArgument', `${path} is not valid JSON: ${read.message}`);
  throw new CoachmatchError('invalidArgument', `${path} cannot be read unambiguously: ${read.issueCount} problem${read.issueCount === 1 ? '' : 's'}`, read.issues, read.issueCount);
}
