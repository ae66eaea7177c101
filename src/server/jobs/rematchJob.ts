import { readJsonBody } from '../readJsonBody.js';
import { isErrorOfKind, CoachmatchError } from '../../errors.js';
import { parseCohortRequest } from '../../model/http/parseCohortRequest.js';
import { prefixIssuePaths } from '../../model/http/prefixIssuePaths.js';
import { rematchOptionsSchema } from '../../model/http/rematchOptionsSchema.js';
import { defaultRematchOptions, rematch } from '../../rematch/rematch.js';
import type { RematchResult } from '../../rematch/rematchResult.js';
import { renderRematchMarkdown } from '../../rematch/renderRematchMarkdown.js';
import { cohortTooLarge } from './cohortTooLarge.js';
import { reportContentTypes, type ReportJobOutput } from './reportJobOutput.js';

/** Input of {@link rematchJob}: the body's bytes and the pair limit. */
export interface RematchJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly maxPairs: number;
}

/**
 * Validates a `POST /rematch` body and re-matches as `coachmatch rematch` does; runs in a job
 * worker.
 *
 * @throws CoachmatchError `invalidCohort` listing every issue; `invalidArgument` for unknown or
 * conflicting ids in the request, at their paths under `$.options`.
 */
export function rematchJob(input: RematchJobInput): ReportJobOutput {
  const { cohort, options } = parseCohortRequest(readJsonBody(input.body), rematchOptionsSchema);
  const tooLarge = cohortTooLarge(cohort, input.maxPairs);
  if (tooLarge !== null) return tooLarge;
  let outcome: RematchResult;
  try {
    outcome = rematch(
      cohort,
      {
        ...(options.current === undefined ? {} : { current: options.current }),
        exits: options.exits ?? [],
        dropouts: options.dropouts ?? [],
        pins: options.pins ?? [],
      },
      {
        policy: options.preset === undefined ? undefined : { preset: options.preset },
        allowUnmatched: options.allowUnmatched ?? defaultRematchOptions.allowUnmatched,
        changePrice: options.changePrice ?? defaultRematchOptions.changePrice,
        exitMargin: options.exitMargin ?? defaultRematchOptions.exitMargin,
        clusterThreshold: options.clusterThreshold ?? defaultRematchOptions.clusterThreshold,
      },
    );
  } catch (error) {
    // The library names the request's own fields ($.exits[1]); in the body they sit under options.
    if (isErrorOfKind(error, 'invalidArgument') && error.issues.length > 0) {
      throw new CoachmatchError('invalidArgument', error.summary, prefixIssuePaths(error.issues, '$.options'), error.issueCount);
    }
    throw error;
  }
  const format = options.format ?? 'json';
  const text = format === 'md' ? renderRematchMarkdown(outcome, `Re-match: ${cohort.name ?? 'coach matching'}`) : JSON.stringify(outcome);
  return { outcome: 'done', status: outcome.status, contentType: reportContentTypes[format], text };
}
