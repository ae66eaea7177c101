import { CoachmatchError, type InputIssue } from '../errors.js';

/** Problems an invalid cohort lists at most (all are counted). */
export const MOST_LISTED = 1000;

/**
 * The `invalidCohort` error for `issues`: every problem counted, the first {@link MOST_LISTED}
 * listed and the rest summed up in one last line, since a million unknown ids made a 61 MB
 * message.
 *
 * @param count - how many problems there are, when `issues` already leaves some out.
 */
export function invalidCohortError(issues: readonly InputIssue[], count = issues.length): CoachmatchError {
  const listed = issues.length > MOST_LISTED ? issues.slice(0, MOST_LISTED) : [...issues];
  if (count > listed.length) listed.push({ path: '$', message: `… and ${count - listed.length} more problems` });
  return new CoachmatchError('invalidCohort', `Invalid cohort: ${count} problem${count === 1 ? '' : 's'}`, listed, count);
}
