import { CoachmatchError } from '../errors.js';
import { decodeStrictUtf8 } from '../text/decodeStrictUtf8.js';
import type { CsvSource } from './csvSource.js';

/**
 * The text of a CSV source: bytes decoded as strict UTF-8 and a leading byte-order mark
 * removed (spreadsheet programs write one; others do not).
 *
 * @throws CoachmatchError of kind `invalidCohort` when the bytes are not UTF-8 (typically a
 * spreadsheet saved as "CSV" in a legacy code page instead of "CSV UTF-8"), naming the line.
 */
export function decodeCsvText(source: CsvSource): string {
  if (typeof source.content === 'string') return source.content.charCodeAt(0) === 0xfeff ? source.content.slice(1) : source.content;
  const decoded = decodeStrictUtf8(source.content);
  if ('text' in decoded) return decoded.text;
  throw new CoachmatchError('invalidCohort', `${source.name} is not UTF-8 text`, [
    { path: `${source.name}:${decoded.badLine}`, message: `${decoded.encoding !== null ? `${decoded.encoding}, not UTF-8` : 'not valid UTF-8'}: save the sheet as "CSV UTF-8"` },
  ]);
}
