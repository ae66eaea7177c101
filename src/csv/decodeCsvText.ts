import { CoachmatchError } from '../errors.js';
import type { CsvSource } from './csvSource.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a CSV source: bytes decoded as strict UTF-8 and a leading byte-order mark
 * removed (spreadsheet programs write one; others do not).
 *
 * @throws CoachmatchError of kind `invalidCohort` when the bytes are not UTF-8 (typically a
 * spreadsheet saved as "CSV" in a legacy code page instead of "CSV UTF-8"), naming the line.
 */
export function decodeCsvText(source: CsvSource): string {
  let text: string;
  if (typeof source.content === 'string') text = source.content;
  else {
    try {
      text = decoder.decode(source.content);
    } catch {
      const line = firstBadLine(source.content);
      throw new CoachmatchError('invalidCohort', `${source.name} is not UTF-8 text`, [
        { path: `${source.name}:${line}`, message: 'not valid UTF-8: save the sheet as "CSV UTF-8"' },
      ]);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based line of the first byte sequence that does not decode. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
