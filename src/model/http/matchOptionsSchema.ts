import { z } from 'zod';
import { policyPresetNames } from '../policyPresets.js';
import type { PolicyPresetName } from '../policySettings.js';
import { matchingFormats } from '../matchingFormats.js';

const presets = policyPresetNames as [PolicyPresetName, ...PolicyPresetName[]];

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
});

/** The options of a matching run, as given. */
export type MatchRequestOptions = z.output<typeof matchOptionsSchema>;
