import { readJsonBody } from '../readJsonBody.js';
import { createEngine, type Engine } from '../../composition/createEngine.js';
import { quotaBackendFor } from '../../constraints/quotaBackendFor.js';
import { matchFormats } from '../matchFormats.js';
import { matchPairLimit, type MatchPairLimits, type MatchTooLarge } from '../matchPairLimit.js';
import { parseMatchRequest } from '../parseMatchRequest.js';
import type { MatchRequestOptions } from '../../model/http/matchOptionsSchema.js';
import type { Matching } from '../../engine/matching.js';

/** Input of {@link matchJob}: the body's bytes, the options from the query string, the pair limits. */
export interface MatchJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly query: MatchRequestOptions;
  readonly limits: MatchPairLimits;
}

/** Output of {@link matchJob}: the rendered matching, or the size that exceeds the limit that applies. */
export type MatchJobOutput =
  | { readonly outcome: 'matched'; readonly status: Matching['status']; readonly contentType: string; readonly text: string }
  | MatchTooLarge;

// One engine per worker: the container is resolved once, not per request.
let engine: Engine | undefined;

/**
 * Validates a `POST /match` body and matches it as `coachmatch match` does (quotas too, with
 * HiGHS: see quotaBackendFor); runs in a job worker, so validation and rendering stay off the
 * event loop and under the time limit.
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every issue.
 */
export async function matchJob(input: MatchJobInput): Promise<MatchJobOutput> {
  const { cohort, options: bodyOptions } = parseMatchRequest(readJsonBody(input.body));
  const options = { ...input.query, ...bodyOptions }; // the body wins over the query string
  const tooLarge = matchPairLimit(cohort, options.candidates, input.limits);
  if (tooLarge !== null) return tooLarge;
  engine ??= createEngine();
  const quotaBackend = await quotaBackendFor(cohort);
  const matching = engine.match(cohort, {
    policy: options.preset === undefined ? undefined : { preset: options.preset },
    allowUnmatched: options.allowUnmatched ?? true,
    ...(options.candidates === undefined ? {} : { candidates: options.candidates }),
    candidateSettings: {
      ...(options.candidateK === undefined ? {} : { k: options.candidateK }),
      ...(options.maxRounds === undefined ? {} : { maxRounds: options.maxRounds }),
    },
    ...(quotaBackend === undefined ? {} : { quotaBackend }),
  });
  const format = matchFormats[options.format ?? 'json'];
  return { outcome: 'matched', status: matching.status, contentType: format.contentType, text: format.render(matching, cohort) };
}
