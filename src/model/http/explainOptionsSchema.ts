import { z } from 'zod';
import { idSchema } from '../idSchema.js';
import { matchOptionsSchema } from './matchOptionsSchema.js';
import { reportFormatSchema } from './reportFormatSchema.js';

/** The `options` field of a `POST /explain` body: the flags of `coachmatch explain`. */
export const explainOptionsSchema = z
  .strictObject({
    coacheeIds: z.array(idSchema).optional().describe('Explain only these coachees (all when absent), as --coachee.'),
    k: z.int().min(0).optional().describe('Alternatives per coachee (default 3); ranked preferences are always explained too.'),
    preset: matchOptionsSchema.shape.preset,
    allowUnmatched: matchOptionsSchema.shape.allowUnmatched,
    format: reportFormatSchema.optional(),
  })
  .describe('Options of an explanation run.');

/** The options of an explanation run, as given. */
export type ExplainRequestOptions = z.output<typeof explainOptionsSchema>;
