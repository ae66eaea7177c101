import { z } from 'zod';
import { boundedInt } from './boundedInt.js';
import { CoachmatchError } from '../errors.js';
import { MAX_DIMENSION } from '../solver/normalizeProblem.js';
import type { AssignmentProblem } from '../solver/types.js';
import { zodIssuesToInputIssues } from './zodIssuesToInputIssues.js';

const count = boundedInt(0, MAX_DIMENSION);

/**
 * The JSON file read by `coachmatch solve`: the solver's {@link AssignmentProblem} with
 * `null` marking a forbidden pair. Unknown keys are rejected so a typo does not pass silently.
 */
export const problemFileSchema = z
  .object({
    weights: z.array(z.array(z.number().nullable())).optional(),
    rows: count.optional(),
    cols: count.optional(),
    edges: z.array(z.tuple([count, count, z.number()])).optional(),
    sense: z.enum(['max', 'min']).optional(),
    capacity: z.array(count).optional(),
    minLoad: z.array(count).optional(),
    allowUnmatched: z.boolean().optional(),
  })
  .strict()
  .refine((p) => p.weights !== undefined || p.edges !== undefined || (p.rows !== undefined && p.cols !== undefined), {
    message: 'give weights, or rows, cols and edges',
  });

/**
 * Validates a parsed problem file.
 *
 * @throws CoachmatchError of kind `invalidProblem`, listing every problem with its JSON path.
 */
export function parseProblemFile(input: unknown): AssignmentProblem {
  const parsed = problemFileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // As for cohorts: an unknown field at its own path (`$.capacities`), not zod's "$: Unrecognized key".
  const issues = zodIssuesToInputIssues(parsed.error.issues);
  throw new CoachmatchError('invalidProblem', 'Invalid assignment problem', issues.slice(0, 50), issues.length);
}
