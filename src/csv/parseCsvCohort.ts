import { z } from 'zod';
import { CoachmatchError, type InputIssue } from '../errors.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { parseCsvMapping } from './parseCsvMapping.js';
import type { Cohort } from '../model/cohort.js';
import { invalidCohortError } from '../model/invalidCohortError.js';
import { validateCohort } from '../model/validateCohort.js';
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

const csvSourceSchema = z.object({ name: z.string(), content: z.union([z.string(), z.instanceof(Uint8Array)]) });
const csvFilesSchema = z.object({ coaches: csvSourceSchema, coachees: csvSourceSchema, relations: csvSourceSchema.optional() });

/**
 * Imports a cohort from CSV files: reads each file (UTF-8 with or without BOM, comma,
 * semicolon or tab detected per file, lists inside cells split on the mapping's
 * `listSeparator`), builds the same cohort document a JSON cohort file would hold (see
 * {@link csvToCohortDocument}) and validates it as {@link parseCohort} does, so CSV and JSON
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
  // A caller without types (plain JavaScript) gets a path, not a TypeError or a file named "undefined".
  const given = csvFilesSchema.safeParse(files);
  if (!given.success) throw new CoachmatchError('invalidArgument', 'parseCsvCohort takes { coaches, coachees, relations? }, each { name, content }', zodIssuesToInputIssues(given.error.issues));
  parseCsvMapping(mapping, mappingName);
  const settings: CsvMapping = {
    ...defaultCsvMapping,
    ...mapping,
    columns: { ...defaultCsvMapping.columns, ...mapping.columns },
  };
  const issues: InputIssue[] = [];
  // A loop, not push(...found): spreading 100,000+ issues overflows the call stack.
  const report = (found: readonly InputIssue[]) => {
    for (const issue of found) issues.push(issue);
  };
  const read = (source: CsvSource) => {
    const reading = readCsvTable(source, settings.delimiter);
    report(reading.issues);
    return reading.table;
  };
  const tables = {
    coaches: read(files.coaches),
    coachees: read(files.coachees),
    relations: files.relations === undefined ? undefined : read(files.relations),
  };
  const built = csvToCohortDocument(tables, settings, mappingName);
  report(built.issues);
  if (built.complete) {
    // validateCohort rather than parseCohort: every problem, not the first 1,000, so that each
    // is located and counted once.
    const validation = validateCohort(built.document);
    if (validation.ok && issues.length === 0) return validation.cohort;
    if (!validation.ok) {
      // A cell already reported as unreadable is not reported again as missing.
      const seen = new Set(issues.map((i) => i.path));
      for (const issue of validation.issues) {
        const located = locateIssue(issue, built.origins);
        if (!seen.has(located.path)) issues.push(located);
      }
    }
  }
  throw invalidCohortError(issues);
}
