import { readFileSync } from 'node:fs';
import { parseCsvCohort } from '../csv/parseCsvCohort.js';
import { parseCsvMapping } from '../csv/parseCsvMapping.js';
import type { CsvSource } from '../csv/csvSource.js';
import { CoachmatchError } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { readJsonFile } from './readJsonFile.js';

/** The CSV paths of `coachmatch match --coaches … --coachees … [--relations …] [--mapping …]`. */
export interface CsvInputOptions {
  readonly coaches?: string | undefined;
  readonly coachees?: string | undefined;
  readonly relations?: string | undefined;
  readonly mapping?: string | undefined;
}

/** True when any CSV option is given (then the cohort comes from CSV, not from a JSON file). */
export function hasCsvInputs(options: CsvInputOptions): boolean {
  return [options.coaches, options.coachees, options.relations, options.mapping].some((p) => p !== undefined);
}

function readSource(path: string): CsvSource {
  try {
    return { name: path, content: readFileSync(path) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CoachmatchError('invalidArgument', `Cannot read ${path}: ${reason}`);
  }
}

/**
 * Loads a cohort from CSV files named on the command line: `coaches` and `coachees` are
 * required, `relations` and the JSON `mapping` optional. Problems are reported with the
 * paths as typed (`data/coaches.csv:12:capacity`), all at once, before anything is written.
 *
 * @throws CoachmatchError `invalidArgument` for a missing option or unreadable file;
 * `invalidCohort` for bad content (see {@link parseCsvCohort}).
 *
 * @example
 * ```ts
 * const cohort = loadCohortFromCsv({ coaches: 'coaches.csv', coachees: 'coachees.csv', mapping: 'mapping.json' });
 * ```
 */
export function loadCohortFromCsv(options: CsvInputOptions): Cohort {
  const missing = (['coaches', 'coachees'] as const).filter((k) => options[k] === undefined);
  if (missing.length > 0) {
    throw new CoachmatchError('invalidArgument', `CSV input needs ${missing.map((m) => `--${m}`).join(' and ')} (a CSV file each)`);
  }
  const mapping = options.mapping === undefined ? {} : parseCsvMapping(readJsonFile(options.mapping), options.mapping);
  return parseCsvCohort(
    {
      coaches: readSource(options.coaches!),
      coachees: readSource(options.coachees!),
      relations: options.relations === undefined ? undefined : readSource(options.relations),
    },
    mapping,
    options.mapping ?? 'mapping',
  );
}
