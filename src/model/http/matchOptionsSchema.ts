import { z } from 'zod';
import { policyPresetNames } from '../policyPresets.js';
import type { PolicyPresetName } from '../policySettings.js';
import { matchingFormats } from '../matchingFormats.js';

const presets = policyPresetNames as [PolicyPresetName, ...PolicyPresetName[]];
const candidateModes = ['auto', 'always', 'never'] as const;
/** A count of at least 1 (candidates per coachee, rounds): a safe integer, as the engine checks. */
const wholeFromOne = z.int().min(1);
/** {@link wholeFromOne} written in a query string: digits only, no sign, exponent or fraction. */
const wholeFromOneText = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'expected a whole number from 1, in digits')
  .transform(Number);

/**
 * The `options` field of a `POST /match` body: what `coachmatch match` takes as flags.
 * `allowUnmatched: false` is the CLI's `--strict`.
 */
export const matchOptionsSchema = z
  .strictObject({
    preset: z.enum(presets).optional().describe('Policy preset on top of the cohort\'s own policy section.'),
    allowUnmatched: z
      .boolean()
      .optional()
      .describe('Leave coachees unmatched when not all can be placed (default true); false makes that infeasible.'),
    format: z.enum(matchingFormats).optional().describe('Response format: json (default), md (Markdown report), html (self-contained report) or csv (one row per coachee).'),
    candidates: z
      .enum(candidateModes)
      .optional()
      .describe("auto (default): beyond 4,000,000 coachee × coach pairs, match on each coachee's best candidate coaches and prove the result optimal from the duals; always; never (every pair). The CLI's --candidates."),
    candidateK: wholeFromOne.optional().describe('Candidates per coachee to start from (default 32, or 48 from 10^8 pairs). The CLI\'s --candidate-k.'),
    maxRounds: wholeFromOne.optional().describe('Solves on candidate pairs at most before the result is returned unproven (default 16). The CLI\'s --max-rounds.'),
  })
  .describe('Options of a matching run; each may also be given in the query string (the body wins).');

/** Query parameters of `POST /match`: the same options, as strings. */
export const matchQuerySchema = z.strictObject({
  preset: z.enum(presets).optional(),
  allowUnmatched: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  format: z.enum(matchingFormats).optional(),
  candidates: z.enum(candidateModes).optional(),
  candidateK: wholeFromOneText.optional(),
  maxRounds: wholeFromOneText.optional(),
});

/** The options of a matching run, as given. */
export type MatchRequestOptions = z.output<typeof matchOptionsSchema>;
