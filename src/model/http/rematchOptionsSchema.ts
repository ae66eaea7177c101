import { z } from 'zod';
import { idSchema } from '../idSchema.js';
import { matchOptionsSchema } from './matchOptionsSchema.js';
import { reportFormatSchema } from './reportFormatSchema.js';

const pairSchema = z.strictObject({ coacheeId: idSchema, coachId: idSchema });
const nonNegative = z.number().min(0);

/**
 * The `options` field of a `POST /rematch` body: the flags of `coachmatch rematch`. The field
 * names are those of the library's request, so its issue paths (`$.exits[2]`) land under
 * `$.options` unchanged.
 */
export const rematchOptionsSchema = z
  .strictObject({
    current: z.array(pairSchema).optional().describe("The current pairs (as --current); default: each coachee's currentCoach in the cohort."),
    exits: z.array(idSchema).optional().describe('Coachees who ask for another coach (as --exit).'),
    dropouts: z.array(idSchema).optional().describe('Coaches who drop out (as --dropout).'),
    pins: z.array(pairSchema).optional().describe('Current pairs that must not move (as --pin); a pin on a pair that is not current is refused.'),
    changePrice: nonNegative.optional().describe('Objective points a changed pair costs (default 0.5).'),
    exitMargin: nonNegative.optional().describe("An exit is granted only to a coach better by this much (default 0.3)."),
    clusterThreshold: z.int().min(0).optional().describe('This many exits from one coach are reported as a cluster (default 3).'),
    preset: matchOptionsSchema.shape.preset,
    allowUnmatched: matchOptionsSchema.shape.allowUnmatched,
    format: reportFormatSchema.optional(),
  })
  .describe('What happened since the current matching was made, and options of the re-match.');

/** The options of a re-match run, as given. */
export type RematchRequestOptions = z.output<typeof rematchOptionsSchema>;
