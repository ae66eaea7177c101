import { cohortSchema } from '../cohortSchema.js';
import { matchOptionsSchema } from './matchOptionsSchema.js';

/** A `POST /match` body: the cohort document of `coachmatch match`, plus an optional `options` field. */
export const matchRequestSchema = cohortSchema
  .extend({ options: matchOptionsSchema.optional() })
  .describe('A cohort document (as for `coachmatch match`) with optional run options.');
