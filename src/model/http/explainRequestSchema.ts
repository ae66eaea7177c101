import { cohortSchema } from '../cohortSchema.js';
import { explainOptionsSchema } from './explainOptionsSchema.js';

/** A `POST /explain` body: the cohort document of `coachmatch explain`, plus an optional `options` field. */
export const explainRequestSchema = cohortSchema
  .extend({ options: explainOptionsSchema.optional() })
  .describe('A cohort document (as for `coachmatch explain`) with optional run options.');
