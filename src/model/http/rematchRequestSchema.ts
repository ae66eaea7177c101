import { cohortSchema } from '../cohortSchema.js';
import { rematchOptionsSchema } from './rematchOptionsSchema.js';

/** A `POST /rematch` body: the cohort document of `coachmatch rematch`, plus an `options` field with exits, drop-outs and pins. */
export const rematchRequestSchema = cohortSchema
  .extend({ options: rematchOptionsSchema.optional() })
  .describe('A cohort document (as for `coachmatch rematch`) with the re-match request and options.');
