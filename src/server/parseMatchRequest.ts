import type { Cohort } from '../model/cohort.js';
import { parseCohortRequest } from '../model/http/parseCohortRequest.js';
import { matchOptionsSchema, type MatchRequestOptions } from '../model/http/matchOptionsSchema.js';

/** A validated `POST /match` body. */
export interface MatchRequest {
  readonly cohort: Cohort;
  readonly options: MatchRequestOptions;
}

/**
 * Splits off `options` and validates the rest exactly as `coachmatch match` does (schema and
 * cross-record rules, every issue at once), so the API and the CLI reject the same documents;
 * as every cohort route does (see parseCohortRequest).
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every issue (options under `$.options`),
 * or `invalidArgument` when only the options are wrong.
 */
export function parseMatchRequest(raw: unknown): MatchRequest {
  return parseCohortRequest(raw, matchOptionsSchema);
}
