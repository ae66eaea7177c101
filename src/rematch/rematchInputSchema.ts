import { z } from 'zod';
import { CoachmatchError } from '../errors.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import type { RematchOptions, RematchRequest } from './rematch.js';
import { optionsWithDefaults } from '../model/optionsWithDefaults.js';

const idPairSchema = z.strictObject({ coacheeId: z.string(), coachId: z.string() });
// z.array reads every index, so a hole is an issue at its own path, not a skipped entry.
const idsSchema = z.array(z.string());

/**
 * The shape of a re-match request: lists of ids and id pairs, no holes, no unknown fields (a
 * typo such as `exit` would otherwise be a request that silently asks for nothing). Whether
 * the ids are known is checked against the cohort afterwards.
 */
export const rematchRequestSchema = z.strictObject({
  current: z.array(idPairSchema).optional(),
  exits: idsSchema.optional(),
  dropouts: idsSchema.optional(),
  pins: z.array(idPairSchema).optional(),
});

// Infinity is refused: as a keep bonus it would make every current pair forbidden (the opposite
// of its meaning); a large finite price already keeps every pair that can be kept.
const finiteNonNegative = z.number({ error: 'expected a finite number ≥ 0' }).min(0, { error: 'expected a finite number ≥ 0' });

/**
 * The re-match's own options; undefined means the default. The match options it passes on
 * (policy, method, policies, buildFeatures) are checked where they are used.
 */
export const rematchOptionsShapeSchema = z.strictObject({
  changePrice: finiteNonNegative.optional(),
  exitMargin: finiteNonNegative.optional(),
  clusterThreshold: z.number().int().min(0).optional(),
  allowUnmatched: z.boolean().optional(),
  policy: z.unknown().optional(),
  method: z.unknown().optional(),
  policies: z.unknown().optional(),
  buildFeatures: z.unknown().optional(),
});

/**
 * Checks a re-match request's shape.
 *
 * @throws CoachmatchError `invalidArgument` listing each issue with its path in the request.
 */
export function checkRematchRequestShape(request: unknown): RematchRequest {
  const parsed = rematchRequestSchema.safeParse(request);
  if (!parsed.success) throw new CoachmatchError('invalidArgument', 'Invalid re-match request', zodIssuesToInputIssues(parsed.error.issues));
  return request as RematchRequest;
}

/**
 * Checks the re-match options and fills in the defaults (an option given as undefined gets its
 * default, as when it is left out).
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option at `$.<name>`.
 */
export function rematchSettings(options: unknown, defaults: RematchOptions): RematchOptions {
  return optionsWithDefaults(rematchOptionsShapeSchema, options, defaults, 're-match options');
}
