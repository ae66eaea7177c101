import { parseCohort } from '../../model/parseCohort.js';
import { readJsonBody } from '../readJsonBody.js';

/** Input of {@link validateJob}: the body's bytes. */
export interface ValidateJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
}

/** Output of {@link validateJob}: the record counts of a valid cohort. */
export interface ValidateJobOutput {
  readonly valid: true;
  readonly coachees: number;
  readonly coaches: number;
  readonly people: number;
  readonly relations: number;
}

/**
 * Validates a cohort document as `coachmatch validate` does; runs in a job worker.
 *
 * @throws CoachmatchError of kind `invalidCohort` listing every issue.
 */
export function validateJob(input: ValidateJobInput): ValidateJobOutput {
  const { coachees, coaches, people, relations } = parseCohort(readJsonBody(input.body));
  return { valid: true, coachees: coachees.length, coaches: coaches.length, people: people.length, relations: relations.length };
}
