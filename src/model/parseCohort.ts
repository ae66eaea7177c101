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
  const result = validateCohort(input);
  if (!result.ok) {
    const n = result.issues.length;
    throw new CoachmatchError('invalidCohort', `Invalid cohort: ${n} problem${n === 1 ? '' : 's'}`, result.issues);
  }
  return result.cohort;
}
