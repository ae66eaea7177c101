import { CoachmatchError } from '../errors.js';
import type { Cohort } from './cohort.js';
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
  let result: ReturnType<typeof validateCohort>;
  try {
    result = validateCohort(input);
  } catch (error) {
    // A getter that throws, a revoked proxy: the document cannot be read, which is bad input.
    if (error instanceof CoachmatchError) throw error;
    throw new CoachmatchError('invalidCohort', `Invalid cohort: it could not be read (${error instanceof Error ? error.message : String(error)})`, [
      { path: '$', message: 'could not be read as plain data' },
    ]);
  }
  if (!result.ok) {
    const n = result.issues.length;
    // Every problem is counted, the first MOST_LISTED listed: a million unknown ids made a 61 MB message.
    const listed = n > MOST_LISTED ? [...result.issues.slice(0, MOST_LISTED), { path: '$', message: `… and ${n - MOST_LISTED} more problems` }] : result.issues;
    throw new CoachmatchError('invalidCohort', `Invalid cohort: ${n} problem${n === 1 ? '' : 's'}`, listed, n);
  }
  return result.cohort;
}

/** Problems an invalid cohort lists at most (all are counted). */
const MOST_LISTED = 1000;
