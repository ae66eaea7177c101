import type { CohortInput } from '../model/cohortSchema.js';

/** The three kinds of CSV file a cohort is imported from. */
export type CsvSection = 'coaches' | 'coachees' | 'relations';

/**
 * How CSV files become a cohort document: a small JSON config (`mapping.json`), every field
 * optional. Columns not named in `columns` are recognised from their headers (see
 * {@link resolveColumnTarget}).
 *
 * @example
 * ```json
 * {
 *   "name": "Alumni coaching 2025",
 *   "listSeparator": "|",
 *   "attributes": [{ "key": "gender", "kind": "categorical", "role": "identity" }],
 *   "columns": { "coaches": { "Naam": "name", "Geslacht": "gender", "E-mail": null } },
 *   "policy": { "preset": "default" }
 * }
 * ```
 */
export interface CsvMapping {
  /** Cohort name (used as the report title). */
  readonly name?: string;
  readonly description?: string;
  /** Field delimiter of every file; default: detected per file from its header line. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Separator of lists inside a cell (`chess|jazz`, `coach-03|coach-07`). Default `|`. */
  readonly listSeparator: string;
  /**
   * Attribute declarations, exactly as in a cohort document. Attribute columns whose key is
   * not declared here get an inferred declaration (see {@link inferAttributeDeclarations}).
   */
  readonly attributes: NonNullable<CohortInput['attributes']>;
  /**
   * Per file: header as written → target (`"Capaciteit": "capacity"`, `"Geslacht": "attr:gender"`,
   * `"Sector gewenst": "aspiration:sector"`), or `null` to ignore the column.
   */
  readonly columns: Readonly<Record<CsvSection, Readonly<Record<string, string | null>>>>;
  /** The cohort's policy section, as in a cohort document. */
  readonly policy?: CohortInput['policy'];
}

/** Defaults of {@link CsvMapping}: `|` between list items, no declared attributes, every column inferred. */
export const defaultCsvMapping: CsvMapping = Object.freeze({
  listSeparator: '|',
  attributes: [],
  columns: Object.freeze({ coaches: {}, coachees: {}, relations: {} }),
});
