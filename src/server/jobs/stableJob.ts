import { readJsonBody } from '../readJsonBody.js';
import { parseStablePrefs } from '../../model/stablePrefsSchema.js';
import { stableMatchByIds } from '../../stable/stableMatchByIds.js';
import { reportContentTypes, type ReportJobOutput } from './reportJobOutput.js';

/** Input of {@link stableJob}: the body's bytes and the pair limit. */
export interface StableJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly maxPairs: number;
}

/**
 * Validates ranked lists and finds the stable matching as `coachmatch stable` does; runs in a
 * job worker. The size limit counts coachees × coaches, the rank tables' size.
 *
 * @throws CoachmatchError `invalidProblem` listing the issues with their paths (`$.coacheePrefs.ann[2]`).
 */
export function stableJob(input: StableJobInput): ReportJobOutput {
  const prefs = parseStablePrefs(readJsonBody(input.body));
  const coachees = Object.keys(prefs.coacheePrefs).length;
  const coaches = Object.keys(prefs.coachPrefs).length;
  const pairs = coachees * coaches;
  if (pairs > input.maxPairs) return { outcome: 'tooLarge', pairs, what: `${coachees} coachees × ${coaches} coaches`, path: '$.coacheePrefs', limit: input.maxPairs };
  return { outcome: 'done', status: undefined, contentType: reportContentTypes.json, text: JSON.stringify(stableMatchByIds(prefs)) };
}
