import type { InputIssue } from '../errors.js';
import { canonicalizeCohort } from './canonicalizeCohort.js';
import type { Cohort } from './cohort.js';
import { cohortSchema } from './cohortSchema.js';
import { crossCheckCohort, type CrossCheckOptions } from './crossCheckCohort.js';
import { zodIssuesToInputIssues } from './zodIssuesToInputIssues.js';

/** Outcome of {@link validateCohort}: the canonical cohort, or every problem found. */
export type CohortValidation =
  | { readonly ok: true; readonly cohort: Cohort }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Validates a cohort document (already parsed from JSON) and reports every problem at once,
 * each with its JSON path: schema problems first, then cross-record ones (duplicate ids,
 * unknown references, undeclared attributes, values of the wrong kind, minLoad > capacity).
 * The CLI's `validate` command uses it; {@link parseCohort} throws instead.
 *
 * @param options - `defaultsFilled` for a cohort parseCohort returned, or a copy of one
 *   (see {@link CrossCheckOptions}); a document has none.
 *
 * @example
 * ```ts
 * const result = validateCohort(JSON.parse(text));
 * if (!result.ok) for (const i of result.issues) console.error(`${i.path}: ${i.message}`);
 * ```
 */
export function validateCohort(input: unknown, options: CrossCheckOptions = {}): CohortValidation {
  const parsed = cohortSchema.safeParse(input);
  const issues = [...(parsed.success ? [] : zodIssuesToInputIssues(parsed.error.issues)), ...crossCheckCohort(input, options)];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, cohort: canonicalizeCohort(parsed.data) };
}
