import type { z } from 'zod';
import { CoachmatchError, type InputIssue } from '../../errors.js';
import type { Cohort } from '../cohort.js';
import { validateCohort } from '../validateCohort.js';
import { zodIssuesToInputIssues } from '../zodIssuesToInputIssues.js';
import { prefixIssuePaths } from './prefixIssuePaths.js';

/** A validated body of a cohort route (`/explain`, `/rematch`): the cohort and its `options`. */
export interface CohortRequest<Options> {
  readonly cohort: Cohort;
  readonly options: Options;
}

/**
 * Splits off `options`, validates them with `optionsSchema` and the rest exactly as the CLI
 * validates a cohort file (schema and cross-record rules), reporting every issue at once, so
 * the API and the CLI reject the same documents.
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every issue (options under `$.options`),
 * or `invalidArgument` when the cohort is sound and only the options are not.
 *
 * @example
 * ```ts
 * const { cohort, options } = parseCohortRequest(body, explainOptionsSchema);
 * ```
 */
export function parseCohortRequest<Options>(raw: unknown, optionsSchema: z.ZodType<Options>): CohortRequest<Options> {
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { options, ...document } = isRecord ? (raw as Record<string, unknown>) : { options: undefined };
  // Absent options are the defaults; `null` is a value of the wrong type, refused as the schema says.
  const parsedOptions = optionsSchema.safeParse(options === undefined ? {} : options);
  const optionIssues: InputIssue[] = parsedOptions.success ? [] : prefixIssuePaths(zodIssuesToInputIssues(parsedOptions.error.issues), '$.options');
  const validation = validateCohort(isRecord ? document : raw);
  const issues = [...(validation.ok ? [] : validation.issues), ...optionIssues];
  const count = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;
  // A sound cohort with bad options is a bad request (invalid-request), not an invalid cohort.
  if (validation.ok && issues.length > 0) throw new CoachmatchError('invalidArgument', `Invalid options: ${count(issues.length)}`, issues);
  if (!validation.ok || !parsedOptions.success) throw new CoachmatchError('invalidCohort', `Invalid cohort: ${count(issues.length)}`, issues);
  return { cohort: validation.cohort, options: parsedOptions.data };
}
