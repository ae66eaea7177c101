/** The field delimiters {@link detectDelimiter} recognises. */
export const csvDelimiters = [',', ';', '\t'] as const;

/** One of the {@link csvDelimiters}. */
export type CsvDelimiter = (typeof csvDelimiters)[number];

/**
 * Detects a CSV file's field delimiter from its header line: the candidate (comma, semicolon,
 * tab) that occurs most often outside double quotes. Ties and a header without any of them
 * (a one-column file) give a comma. The header decides because it is the one line every
 * export has and whose cells rarely contain punctuation.
 *
 * @example
 * ```ts
 * detectDelimiter('id;name;capacity\n…'); // ';'
 * ```
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(csvDelimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of csvDelimiters) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
