import type { InputIssue } from '../errors.js';
import { problemTypes, type ProblemType } from './problemTypes.js';
import type { RouteResponse } from './types.js';

/** At most this many `errors` are listed (a broken million-cell matrix must not make a huge answer); `errorCount` has the total. */
export const maxListedErrors = 100;

/** Content type of RFC 9457 problem details. */
export const problemContentType = 'application/problem+json';

/**
 * An RFC 9457 problem response: `type`, `title`, `status`, `detail`, and, for input problems,
 * `errors: [{ path, message }]` with JSON paths (`$.coaches[3].capacity`, `$query.preset`).
 *
 * @example
 * ```ts
 * return problemResponse('problem-too-large', '3000 × 2000 pairs exceed 4000000', [{ path: '$.coachees', message: '…' }]);
 * ```
 */
export function problemResponse(
  type: ProblemType,
  detail: string,
  errors: readonly InputIssue[] = [],
  headers?: Readonly<Record<string, string>>,
  errorCount = errors.length,
): RouteResponse {
  const { status, title } = problemTypes[type];
  const document = {
    type: `urn:coachmatch:problem:${type}`,
    title,
    status,
    detail,
    ...(errors.length > 0 ? { errors: errors.slice(0, maxListedErrors).map(({ path, message }) => ({ path, message })) } : {}),
    ...(errorCount > Math.min(errors.length, maxListedErrors) ? { errorCount } : {}),
  };
  return { status, contentType: problemContentType, body: JSON.stringify(document), ...(headers ? { headers } : {}) };
}
