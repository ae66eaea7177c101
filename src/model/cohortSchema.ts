import { z } from 'zod';
import { attributeDeclarationSchema } from './attributeDeclarationSchema.js';
import { coacheeSchema } from './coacheeSchema.js';
import { coachSchema } from './coachSchema.js';
import { personSchema } from './personSchema.js';
import { policyInputSchema } from './policyInputSchema.js';
import { relationSchema } from './relationSchema.js';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/**
 * Zod schema of a cohort document (structure only). Cross-record rules (unique ids, known
 * references, values of the declared kind) are checked by {@link parseCohort}.
 */
export const cohortSchema = z
  .strictObject({
    $schema: boundedString(MAX_DESCRIPTION_LENGTH, '$schema').optional().describe('Optional link to this JSON Schema, for editors.'),
    name: boundedString(MAX_NAME_LENGTH, 'a name').optional().describe('Name of the programme or round.'),
    description: boundedString(MAX_DESCRIPTION_LENGTH, 'a description').optional(),
    attributes: z.array(attributeDeclarationSchema).default([]).describe('The attributes this cohort declares.'),
    coaches: z.array(coachSchema),
    coachees: z.array(coacheeSchema),
    people: z.array(personSchema).default([]).describe('Others named in relations: evaluators, managers, family.'),
    relations: z.array(relationSchema).default([]),
    policy: policyInputSchema.optional(),
  })
  .describe('A coachmatch cohort: coaches, coachees, the people around them and the matching policy.');

/** A cohort document as written (before defaults). */
export type CohortInput = z.input<typeof cohortSchema>;
