import { readJsonBody } from '../readJsonBody.js';
import { prepareMatch, toAssignmentProblem } from '../../engine/match.js';
import { CoachmatchError } from '../../errors.js';
import { defaultExplainOptions, explainMatching } from '../../explain/explainMatching.js';
import { renderExplanationMarkdown } from '../../explain/renderExplanationMarkdown.js';
import { explainOptionsSchema } from '../../model/http/explainOptionsSchema.js';
import { parseCohortRequest } from '../../model/http/parseCohortRequest.js';
import { solveAssignment } from '../../solver/solveAssignment.js';
import { cohortTooLarge } from './cohortTooLarge.js';
import { unknownIdNamer } from '../../text/unknownIdNamer.js';
import { reportContentTypes, type ReportJobOutput } from './reportJobOutput.js';

/** Input of {@link explainJob}: the body's bytes and the pair limit. */
export interface ExplainJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly maxPairs: number;
}

/**
 * Validates a `POST /explain` body and explains the matching as `coachmatch explain` does;
 * runs in a job worker (each alternative costs a re-solve).
 *
 * @throws CoachmatchError `invalidCohort` listing every issue; `invalidArgument` for an
 * unknown coachee in `$.options.coacheeIds`.
 */
export function explainJob(input: ExplainJobInput): ReportJobOutput {
  const { cohort, options } = parseCohortRequest(readJsonBody(input.body), explainOptionsSchema);
  const tooLarge = cohortTooLarge(cohort, input.maxPairs);
  if (tooLarge !== null) return tooLarge;
  // Checked before the solve, so a typo costs nothing.
  const known = new Set(cohort.coachees.map((c) => c.id));
  const namer = unknownIdNamer(() => known);
  const unknown = (options.coacheeIds ?? []).flatMap((id, n) => (known.has(id) ? [] : [{ path: `$.options.coacheeIds[${n}]`, message: namer('coachee', id) }]));
  if (unknown.length > 0) throw new CoachmatchError('invalidArgument', 'Unknown coachee', unknown);

  const allowUnmatched = options.allowUnmatched ?? defaultExplainOptions.allowUnmatched;
  const prepared = prepareMatch(cohort, { policy: options.preset === undefined ? undefined : { preset: options.preset } });
  const result = solveAssignment(toAssignmentProblem(prepared.combined, allowUnmatched));
  const explanation = explainMatching(prepared, result, { coacheeIds: options.coacheeIds, k: options.k ?? defaultExplainOptions.k, allowUnmatched });
  const format = options.format ?? 'json';
  const text = format === 'md' ? renderExplanationMarkdown(explanation, `Why these coaches: ${cohort.name ?? 'coach matching'}`) : JSON.stringify(explanation);
  return { outcome: 'done', status: explanation.status, contentType: reportContentTypes[format], text };
}
