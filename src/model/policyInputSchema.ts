import { z } from 'zod';
import { lookalikeKey } from '../text/lookalike.js';
import { policyPresetNames } from './policyPresets.js';
import { CUSTOM_FLAG_CODE, builtInFlagCodes, isQuotaFlagCode, type PolicyInput } from './policySettings.js';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/** Far above any sensible value, and low enough that no total can overflow. */
const LARGEST = 1_000_000;
const weight = z.number().min(0).max(LARGEST);
const penalty = z.number().min(0).max(LARGEST).describe('Utility points subtracted.');
const unit = z.number().min(0).max(1);

const coacheeKind = z.enum(['insider', 'pioneer']);
const count = z.int().min(0);
const quotaName = boundedString(MAX_NAME_LENGTH, 'a quota name').min(1).optional().describe('Name used in reports; unique among the quotas. Default quotas[<index>].');

/** Zod schema of a coach filter (see `CoachFilter`): one attribute, one way to match it. */
const coachFilterSchema = z
  .strictObject({
    attribute: boundedString(MAX_ID_LENGTH, 'an attribute key').min(1).describe('A declared attribute key, e.g. "seniority".'),
    equals: z.union([boundedString(MAX_NAME_LENGTH, 'a value'), z.number()]).optional().describe('The value (a set attribute: contains it).'),
    oneOf: z.array(z.union([boundedString(MAX_NAME_LENGTH, 'a value'), z.number()])).min(1).optional().describe('Any of these values.'),
    atLeast: z.number().optional().describe('Numeric attributes: at least this.'),
    atMost: z.number().optional().describe('Numeric attributes: at most this.'),
  })
  // For editors validating with `coachmatch schema`: exactly one of the three tests is given.
  .meta({ oneOf: [{ required: ['equals'] }, { required: ['oneOf'] }, { anyOf: [{ required: ['atLeast'] }, { required: ['atMost'] }] }] })
  .superRefine((f, ctx) => {
    const ways = [f.equals !== undefined, f.oneOf !== undefined, f.atLeast !== undefined || f.atMost !== undefined].filter(Boolean).length;
    if (ways !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of equals, oneOf, or atLeast/atMost' });
    if (f.atLeast !== undefined && f.atMost !== undefined && f.atMost < f.atLeast) {
      ctx.addIssue({ code: 'custom', path: ['atMost'], message: `atMost ${f.atMost} is below atLeast ${f.atLeast}` });
    }
  })
  .describe('Which coaches the quota applies to.');

/** For editors validating with `coachmatch schema`: a quota gives at least one of its two bounds (min ≤ max is parseCohort's). */
const eitherBound = (low: string, high: string) => ({ anyOf: [{ required: [low] }, { required: [high] }] });

/** Reports a quota without a bound, or with its lower bound above the upper one. */
function checkBounds(low: number | undefined, high: number | undefined, names: [string, string], ctx: z.RefinementCtx): void {
  if (low === undefined && high === undefined) ctx.addIssue({ code: 'custom', path: [], message: `give ${names[0]}, ${names[1]} or both` });
  if (low !== undefined && high !== undefined && high < low) ctx.addIssue({ code: 'custom', path: [names[1]], message: `${names[1]} ${high} is below ${names[0]} ${low}` });
}

/**
 * Refuses a flag code that is neither built in nor prefixed as a policy of the caller's own
 * (see isCustomFlagCode): a typo would count nothing and the quota would always be met.
 * Prefixed codes are checked when matching, against the active policies' declared codes.
 */
function checkFlagCode(flag: string, ctx: z.RefinementCtx): void {
  if (isQuotaFlagCode(flag)) return;
  const known: readonly string[] = builtInFlagCodes;
  const meant = known.find((code) => lookalikeKey(code) === lookalikeKey(flag));
  ctx.addIssue({
    code: 'custom',
    path: ['flag'],
    message: `unknown flag code ${JSON.stringify(flag)}${meant === undefined ? '' : ` (did you mean ${JSON.stringify(meant)}?)`}; the known codes are ${known.join(', ')}, and a policy of your own names its codes with a prefix, such as "acme.mentorTrained"`,
  });
}

/** A flag code as written; for editors validating with `coachmatch schema`, built in or prefixed (see {@link checkFlagCode}). */
const flagCodeSchema = boundedString(MAX_ID_LENGTH, 'a flag code')
  .min(1)
  .meta({ anyOf: [{ enum: [...builtInFlagCodes] }, { pattern: CUSTOM_FLAG_CODE.source }] })
  .describe(`A flag code: ${builtInFlagCodes.join(', ')}, or a prefixed code that a policy of your own declares (acme.mentorTrained).`);

/** Zod schema of one declarative quota in `policy.quotas` (see `CohortQuota`). */
export const cohortQuotaSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('commonGround'), name: quotaName, coacheeType: coacheeKind.optional().describe('Default pioneer.'), orUnmatched: z.boolean().optional().describe('True: such a coachee may stay unmatched instead. Default false.') })
      .describe('Every coachee of the type gets a coach with common ground.'),
    z
      .strictObject({ kind: z.literal('flaggedPairs'), name: quotaName, flag: flagCodeSchema, min: count.optional(), max: count.optional() })
      .meta(eitherBound('min', 'max'))
      .describe('Bounds on the number of chosen pairs with the flag (min ≤ max).'),
    z
      .strictObject({ kind: z.literal('coacheesPerCoach'), name: quotaName, coaches: coachFilterSchema.optional(), coacheeType: coacheeKind, min: count.optional(), max: count.optional() })
      .meta(eitherBound('min', 'max'))
      .describe('Each (matching) coach takes between min and max coachees of the type (min ≤ max).'),
    z
      .strictObject({ kind: z.literal('coacheeSharePerCoach'), name: quotaName, coaches: coachFilterSchema.optional(), coacheeType: coacheeKind, minShare: unit.optional(), maxShare: unit.optional() })
      .meta(eitherBound('minShare', 'maxShare'))
      .describe("Bounds on the type's share of each (matching) coach's coachees (minShare ≤ maxShare)."),
  ])
  .superRefine((q, ctx) => {
    if (q.kind === 'flaggedPairs' || q.kind === 'coacheesPerCoach') checkBounds(q.min, q.max, ['min', 'max'], ctx);
    if (q.kind === 'flaggedPairs') checkFlagCode(q.flag, ctx);
    if (q.kind === 'coacheeSharePerCoach') checkBounds(q.minShare, q.maxShare, ['minShare', 'maxShare'], ctx);
  });

const quotasSchema = z
  .array(cohortQuotaSchema)
  .superRefine((quotas, ctx) => {
    const seen = new Map<string, number>();
    quotas.forEach((q, n) => {
      const name = q.name ?? `quotas[${n}]`;
      const first = seen.get(name);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [n, 'name'], message: `name ${JSON.stringify(name)} is already used by quotas[${first}]` });
      else seen.set(name, n);
    });
  })
  .describe('Hard quotas the matching must meet; see CohortQuota for each kind.');

/** Zod schema of a cohort's `policy` section: a preset name plus partial overrides (see `PolicySettings`). */
export const policyInputSchema = z
  .strictObject({
    preset: z.enum(policyPresetNames as ['default', 'similarity-first', 'diversity-first']).optional(),
    weights: z
      .strictObject({
        aspiration: weight.optional(),
        support: weight.optional(),
        commonGround: weight.optional(),
        difference: weight.optional(),
        scarcity: weight.optional(),
        continuity: weight.optional(),
        priority: weight.optional(),
      })
      .optional(),
    preferenceBonus: z.array(weight).optional().describe('Bonus for the 1st, 2nd, … preferred coach.'),
    insiderThreshold: unit.optional(),
    minDifferenceForInsiders: unit.optional(),
    hardMinDifference: z.boolean().optional(),
    minDifferencePenalty: z.number().min(0).max(LARGEST).optional().describe('Utility points per unit of difference an insider\'s coach falls short.'),
    dualRole: z.enum(['penalise', 'ban']).optional(),
    dualRolePenalty: penalty.optional(),
    closeToEvaluatorPenalty: penalty.optional(),
    clanBan: z.boolean().optional(),
    clanDepth: z.int().min(1).optional(),
    clanPenalty: penalty.optional(),
    previouslyCoached: z.enum(['allow', 'penalise', 'ban']).optional(),
    previouslyCoachedPenalty: penalty.optional(),
    sameTeamPenalty: penalty.optional(),
    quotas: quotasSchema.optional(),
  })
  .describe('Policy preset and overrides; every field is optional.');

// Compile-time guard: the schema and the hand-written, documented PolicyInput type agree.
type Output = z.output<typeof policyInputSchema>;
type SameKeys = [keyof Output] extends [keyof PolicyInput] ? ([keyof PolicyInput] extends [keyof Output] ? true : false) : false;
type Agrees = [Output] extends [PolicyInput] ? SameKeys : false;
const agrees: Agrees = true;
void agrees;
