/**
 * Where a value of a cohort document built from CSV came from: a cell
 * (`coaches.csv:12:capacity`), a row (`coaches.csv:12`), or, with `withPath`, a file whose own
 * JSON path is the document's (the mapping's `attributes` and `policy` are copied verbatim, so
 * `$.attributes[0].kind` in the document is `mapping.json:$.attributes[0].kind`).
 */
export interface CsvOrigin {
  readonly at: string;
  readonly withPath?: boolean;
}
