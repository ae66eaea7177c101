import { CoachmatchError, type InputIssue } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { validateCohort } from '../model/validateCohort.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { matchOptionsSchema, type MatchRequestOptions } from '../model/http/matchOptionsSchema.js';

/** A validated `POST /match` body. */
export interface MatchRequest {
  readonly cohort: Cohort;
  readonly options: MatchRequestOptions;
}

/**
 * Splits off `options` and validates the rest exactly as `coachmatch match` does (schema and
 * cross-record rules, every issue at once), so the API and the CLI reject the same documents.
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every issue (options under `$.options`).
 */
export function parseMatchRequest(raw: unknown): MatchRequest {
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { options, ...document } = isRecord ? (raw as Record<string, unknown>) : { options: undefined };
  const parsedOptions = matchOptionsSchema.safeParse(options ?? {});
  const optionIssues: InputIssue[] = parsedOptions.success
    ? []
    : zodIssuesToInputIssues(parsedOptions.error.issues.map((issue) => ({ ...issue, path: ['options', ...issue.path] })));
  const validation = validateCohort(isRecord ? document : raw);
  const issues = [...(validation.ok ? [] : validation.issues), ...optionIssues];
  if (!validation.ok || !parsedOptions.success || issues.length > 0) {
    const n = issues.length;
    throw new CoachmatchError('invalidCohort', `Invalid cohort: ${n} problem${n === 1 ? '' : 's'}`, issues);
  }
  return { cohort: validation.cohort, options: parsedOptions.data };
}
