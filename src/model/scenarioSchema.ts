import { z } from 'zod';
import { keyedRecordSchema } from './keyedRecordSchema.js';
import { coachSchema } from './coachSchema.js';
import type { DeepReadonly } from './deepReadonly.js';
import { idSchema } from './idSchema.js';
import { policyInputSchema } from './policyInputSchema.js';
import type { PolicyInput } from './policySettings.js';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, boundedString } from './textLimits.js';

const pairSchema = z.strictObject({ coachee: idSchema, coach: idSchema });

/**
 * Zod schema of a scenario file: a base cohort and the changes to try on it. Ids are checked
 * against the base cohort by {@link parseScenario}'s caller (`applyScenario`), which reports
 * unknown ones with their JSON path in the scenario.
 */
export const scenarioSchema = z
  .strictObject({
    $schema: boundedString(MAX_DESCRIPTION_LENGTH, '$schema').optional(),
    name: boundedString(MAX_NAME_LENGTH, 'a name').min(1).optional().describe('Shown in comparisons; defaults to the file name. Names in one comparison must differ.'),
    description: boundedString(MAX_DESCRIPTION_LENGTH, 'a description').optional(),
    base: boundedString(MAX_DESCRIPTION_LENGTH, 'a path').min(1).describe('Path of the base cohort file, relative to the scenario file.'),
    policy: policyInputSchema.optional().describe("Preset and weight overrides, applied on top of the cohort's own policy."),
    capacity: keyedRecordSchema(idSchema, coachSchema.shape.capacity).default({}).describe('New capacity per coach id (as a coach record\'s).'),
    removeCoaches: z.array(idSchema).default([]).describe('Coaches who drop out (made inactive).'),
    addCoaches: z.array(coachSchema).default([]).describe('New coaches, written as in a cohort file.'),
    pins: z.array(pairSchema).default([]).describe('Pairs that must be in the matching.'),
    bans: z
      .array(pairSchema.extend({ reason: boundedString(MAX_NAME_LENGTH, 'a reason').min(1).optional() }))
      .default([])
      .describe('Pairs that must not be in the matching.'),
    allowUnmatched: z.boolean().default(true).describe('Leave coachees unmatched when not all can be placed (default true).'),
  })
  .describe('A what-if scenario: a base cohort and changes to it.');

/** A scenario file after validation (defaults filled). */
export type Scenario = DeepReadonly<Omit<z.output<typeof scenarioSchema>, 'policy' | 'addCoaches'>> & {
  readonly policy?: PolicyInput;
  /** Coach records (structure checked here; attributes checked against the base cohort when applied). */
  readonly addCoaches: readonly unknown[];
};

/** Numeric policy fields a sweep may vary, as dotted paths into a cohort's `policy` section. */
export const sweepablePolicyPaths: readonly string[] = Object.freeze([
  ...Object.keys(policyInputSchema.shape.weights.unwrap().shape).map((k) => `weights.${k}`),
  'insiderThreshold',
  'minDifferenceForInsiders',
  'dualRolePenalty',
  'closeToEvaluatorPenalty',
  'clanPenalty',
  'previouslyCoachedPenalty',
  'sameTeamPenalty',
]);
