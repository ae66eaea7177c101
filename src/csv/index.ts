/** Spreadsheets in and out: CSV files to a cohort, a matching to CSV. */
export { parseCsvCohort, type CsvCohortFiles } from './parseCsvCohort.js';
export { parseCsvMapping } from './parseCsvMapping.js';
export { defaultCsvMapping, type CsvMapping, type CsvSection } from './csvMapping.js';
export type { CsvSource } from './csvSource.js';
export { renderMatchingCsv, defaultMatchingCsvOptions, matchingCsvColumns, type MatchingCsvOptions } from './renderMatchingCsv.js';
