import { z } from 'zod';
import { policyPresetNames } from './policyPresets.js';
import type { PolicyInput } from './policySettings.js';

const weight = z.number().min(0);
const penalty = z.number().min(0).describe('Utility points subtracted.');
const unit = z.number().min(0).max(1);

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
    minDifferencePenalty: z.number().min(0).optional().describe('Utility points per unit of difference an insider\'s coach falls short.'),
    dualRole: z.enum(['penalise', 'ban']).optional(),
    dualRolePenalty: penalty.optional(),
    closeToEvaluatorPenalty: penalty.optional(),
    clanBan: z.boolean().optional(),
    clanDepth: z.int().min(1).optional(),
    clanPenalty: penalty.optional(),
    previouslyCoached: z.enum(['allow', 'penalise', 'ban']).optional(),
    previouslyCoachedPenalty: penalty.optional(),
    sameTeamPenalty: penalty.optional(),
  })
  .describe('Policy preset and overrides; every field is optional.');

// Compile-time guard: the schema and the hand-written, documented PolicyInput type agree.
type Output = z.output<typeof policyInputSchema>;
type SameKeys = [keyof Output] extends [keyof PolicyInput] ? ([keyof PolicyInput] extends [keyof Output] ? true : false) : false;
type Agrees = [Output] extends [PolicyInput] ? SameKeys : false;
const agrees: Agrees = true;
void agrees;
