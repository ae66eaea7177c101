import { CoachmatchError, isErrorOfKind, type InputIssue } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { parseCohort } from '../model/parseCohort.js';
import { defaultCsvMapping, type CsvMapping } from './csvMapping.js';
import type { CsvSource } from './csvSource.js';
import { csvToCohortDocument } from './csvToCohortDocument.js';
import { locateIssue } from './locateIssue.js';
import { readCsvTable } from './readCsvTable.js';

/** The CSV files of a cohort: coaches and coachees, and optionally the relations between people. */
export interface CsvCohortFiles {
  readonly coaches: CsvSource;
  readonly coachees: CsvSource;
  readonly relations?: CsvSource | undefined;
}

/**
 * Imports a cohort from CSV files: reads each file (UTF-8 with or without BOM, comma,
 * semicolon or tab detected per file, lists inside cells split on the mapping's
 * `listSeparator`), builds the same cohort document a JSON cohort file would hold (see
 * {@link csvToCohortDocument}) and validates it with {@link parseCohort}, so CSV and JSON
 * input obey one set of rules.
 *
 * @param mapping - column names, attribute declarations, policy (see {@link CsvMapping}); merged with {@link defaultCsvMapping}.
 * @param mappingName - the mapping file's name, for problem paths.
 * @throws CoachmatchError of kind `invalidCohort` listing every problem at once, located in
 * the files: `coaches.csv:12:capacity` (file, line, column header) with the JSON path in the
 * message, `coaches.csv:12` for a row, `mapping.json:$.attributes[0].kind` for the mapping.
 *
 * @example
 * ```ts
 * const cohort = parseCsvCohort(
 *   { coaches: { name: 'coaches.csv', content: readFileSync('coaches.csv') },
 *     coachees: { name: 'coachees.csv', content: readFileSync('coachees.csv') } },
 *   { listSeparator: '|' },
 * );
 * ```
 */
export function parseCsvCohort(files: CsvCohortFiles, mapping: Partial<CsvMapping> = {}, mappingName = 'mapping'): Cohort {
  const settings: CsvMapping = {
    ...defaultCsvMapping,
    ...mapping,
    columns: { ...defaultCsvMapping.columns, ...mapping.columns },
  };
  const issues: InputIssue[] = [];
  const read = (source: CsvSource) => {
    const reading = readCsvTable(source, settings.delimiter);
    issues.push(...reading.issues);
    return reading.table;
  };
  const tables = {
    coaches: read(files.coaches),
    coachees: read(files.coachees),
    relations: files.relations === undefined ? undefined : read(files.relations),
  };
  const built = csvToCohortDocument(tables, settings, mappingName);
  issues.push(...built.issues);
  // Problems parseCohort counted but did not list (it lists the first 1,000).
  let unlisted = 0;
  if (built.complete) {
    try {
      const cohort = parseCohort(built.document);
      if (issues.length === 0) return cohort;
    } catch (error) {
      if (!isErrorOfKind(error, 'invalidCohort')) throw error;
      unlisted = error.issueCount - error.issues.length;
      // A cell already reported as unreadable is not reported again as missing.
      const seen = new Set(issues.map((i) => i.path));
      for (const issue of error.issues) {
        const located = locateIssue(issue, built.origins);
        if (!seen.has(located.path)) issues.push(located);
      }
    }
  }
  const n = issues.length + unlisted;
  throw new CoachmatchError('invalidCohort', `Invalid cohort: ${n} problem${n === 1 ? '' : 's'}`, issues, n);
}
