/** One data row of a CSV file: its 1-based line in the file (where the record starts) and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A CSV file read into a header and data rows (blank rows dropped). */
export interface CsvTable {
  /** The source's name, used in problem reports. */
  readonly file: string;
  /** Header cells, trimmed. */
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}
