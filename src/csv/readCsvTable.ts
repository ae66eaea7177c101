import { parse, type CsvError } from 'csv-parse/sync';
import { CoachmatchError, type InputIssue } from '../errors.js';
import type { CsvRow, CsvTable } from './csvTable.js';
import type { CsvSource } from './csvSource.js';
import { decodeCsvText } from './decodeCsvText.js';
import { detectDelimiter, type CsvDelimiter } from './detectDelimiter.js';

/** A table, and the rows whose field count differs from the header's. */
export interface CsvTableReading {
  readonly table: CsvTable;
  readonly issues: readonly InputIssue[];
}

/**
 * Reads a CSV source with `csv-parse`: UTF-8 with or without BOM, any line ending, the
 * delimiter given or detected ({@link detectDelimiter}), RFC 4180 quoting (cells may hold the
 * delimiter, quotes and line breaks). Rows that are empty or hold only blank cells (what
 * spreadsheets export for an empty row) are dropped; rows with more or fewer fields than the
 * header are reported as issues (`coaches.csv:7`) and dropped.
 *
 * @throws CoachmatchError of kind `invalidCohort` when the file is not UTF-8 or its quoting is
 * broken (the parser stops there), with the file and line.
 */
export function readCsvTable(source: CsvSource, delimiter?: CsvDelimiter): CsvTableReading {
  // One line-ending convention, so the parser's line count is the editor's line number.
  const text = decodeCsvText(source).replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiter ?? detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as CsvError;
    const line = typeof e.lines === 'number' ? e.lines : 1;
    throw new CoachmatchError('invalidCohort', `${source.name} is not valid CSV`, [
      { path: `${source.name}:${line}`, message: e.message.replace(/\s+at line \d+.*$/, '') },
    ]);
  }
  const [header, ...data] = records;
  const headers = (header?.record ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  const issues: InputIssue[] = [];
  for (const { record, info } of data) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // info.lines is the record's last line; quoted line breaks inside cells move its start up.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - breaks;
    if (record.length !== headers.length) {
      issues.push({ path: `${source.name}:${line}`, message: `expected ${headers.length} fields as in the header, found ${record.length}` });
      continue;
    }
    rows.push({ line, cells: record });
  }
  return { table: { file: source.name, headers, rows }, issues };
}
