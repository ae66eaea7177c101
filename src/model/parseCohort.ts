import { CoachmatchError } from '../errors.js';
import type { Cohort } from './cohort.js';
import type { CrossCheckOptions } from './crossCheckCohort.js';
import { invalidCohortError } from './invalidCohortError.js';
import { validateCohort } from './validateCohort.js';

/**
 * Validates a cohort document and returns it canonical (sorted by id, defaults filled,
 * frozen; see {@link Cohort}).
 *
 * @throws {@link CoachmatchError} of kind `'invalidCohort'` whose `issues` list every problem
 * with its JSON path (e.g. `$.coaches[2].capacity`, `$.relations[5].to`).
 *
 * @example
 * ```ts
 * const cohort = parseCohort(JSON.parse(readFileSync('cohort.json', 'utf8')));
 * ```
 */
export function parseCohort(input: unknown): Cohort {
  return parseWith(input, {});
}

/**
 * Validates a cohort that should be a parsed one but is not known to be (a structuredClone,
 * an edited copy, a hand-made object): exactly as {@link parseCohort} validates a document,
 * except that the defaults parseCohort fills in may be there (see `CrossCheckOptions`), so a
 * copy of a parsed cohort parses to an equal one.
 *
 * @throws {@link CoachmatchError} of kind `'invalidCohort'`, as parseCohort.
 */
export function reparseCohort(cohort: unknown): Cohort {
  return parseWith(cohort, { defaultsFilled: true });
}

function parseWith(input: unknown, options: CrossCheckOptions): Cohort {
  let result: ReturnType<typeof validateCohort>;
  try {
    result = validateCohort(input, options);
  } catch (error) {
    // A getter that throws, a revoked proxy: the document cannot be read, which is bad input.
    if (error instanceof CoachmatchError) throw error;
    throw new CoachmatchError('invalidCohort', `Invalid cohort: it could not be read (${error instanceof Error ? error.message : String(error)})`, [
      { path: '$', message: 'could not be read as plain data' },
    ]);
  }
  if (!result.ok) throw invalidCohortError(result.issues);
  return result.cohort;
}
