/**
 * One CSV file handed to the importer: a name used in every problem report (usually the path
 * the user typed, so `coaches.csv:12:capacity` points at the cell) and the file's content, as
 * bytes (decoded as UTF-8, with or without a byte-order mark) or as text.
 */
export interface CsvSource {
  readonly name: string;
  readonly content: string | Uint8Array;
}
