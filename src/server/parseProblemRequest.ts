import { CoachmatchError } from '../errors.js';
import { problemFileSchema } from '../model/problemFileSchema.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import type { AssignmentProblem } from '../solver/types.js';

/**
 * Validates a `POST /solve` body like `parseProblemFile`, but an unknown field is reported at
 * its own path (`$.capacities`), as for cohorts.
 *
 * @throws CoachmatchError of kind `invalidProblem` listing every issue.
 */
export function parseProblemRequest(raw: unknown): AssignmentProblem {
  const parsed = problemFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new CoachmatchError('invalidProblem', 'Invalid assignment problem', zodIssuesToInputIssues(parsed.error.issues));
}
