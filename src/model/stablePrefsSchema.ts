import { z } from 'zod';
import { boundedInt } from './boundedInt.js';
import { keyedRecordSchema } from './keyedRecordSchema.js';
import { CoachmatchError } from '../errors.js';
import { checkStablePreferences } from '../stable/checkStablePreferences.js';
import type { StablePreferences } from '../stable/stablePreferences.js';
import { zodIssuesToInputIssues } from './zodIssuesToInputIssues.js';
import { idSchema } from './idSchema.js';

/**
 * The JSON file read by `coachmatch stable`: ranked lists by id (see {@link StablePreferences}).
 * Unknown keys are rejected so a typo does not pass silently; cross-references (unknown or
 * repeated ids, capacities of unknown coaches) are checked after the shape.
 */
export const stablePrefsSchema = z
  .object({
    coacheePrefs: keyedRecordSchema(idSchema, z.array(idSchema)),
    coachPrefs: keyedRecordSchema(idSchema, z.array(idSchema)),
    // Capacities are held as 32-bit integers (see preferenceRanks).
    capacity: keyedRecordSchema(idSchema, boundedInt(0, 0x7fffffff)).optional(),
    optimal: z.enum(['coachee', 'coach']).optional(),
  })
  .strict();

/**
 * Validates a parsed preferences file.
 *
 * @throws CoachmatchError of kind `invalidProblem`, listing every problem with its JSON path
 * (e.g. `$.coacheePrefs.ann[2]` for an unknown coach).
 *
 * @example
 * ```ts
 * const prefs = parseStablePrefs(JSON.parse(text));
 * ```
 */
export function parseStablePrefs(input: unknown): StablePreferences {
  const parsed = stablePrefsSchema.safeParse(input);
  if (!parsed.success) {
    throw new CoachmatchError('invalidProblem', 'Invalid preferences file', zodIssuesToInputIssues(parsed.error.issues).slice(0, 50));
  }
  const issues = checkStablePreferences(parsed.data);
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid preferences file', issues.slice(0, 50));
  return parsed.data;
}
