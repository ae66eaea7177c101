import type { AttributeDeclaration } from './attributeDeclarationSchema.js';
import type { Coachee } from './coacheeSchema.js';
import type { Coach } from './coachSchema.js';
import type { Person } from './personSchema.js';
import type { PolicyInput } from './policySettings.js';
import type { Relation } from './relationSchema.js';

/**
 * A validated, canonical cohort as {@link parseCohort} returns it: readonly (and frozen),
 * defaults filled, and every list in a canonical order so that record order in the file
 * never matters downstream:
 *
 * - `attributes` sorted by key; `coaches`, `coachees`, `people` sorted by id
 *   ({@link compareIds});
 * - set values sorted and de-duplicated; attribute records with keys sorted;
 * - `avoid` sorted; `preferences` kept in the coachee's ranking;
 * - `relations` with symmetric types stored `from` < `to`, de-duplicated and sorted by
 *   (type, from, to).
 */
export interface Cohort {
  readonly name?: string;
  readonly description?: string;
  readonly attributes: readonly AttributeDeclaration[];
  readonly coaches: readonly Coach[];
  readonly coachees: readonly Coachee[];
  readonly people: readonly Person[];
  readonly relations: readonly Relation[];
  /** The cohort's policy section as written; {@link resolvePolicy} turns it into settings. */
  readonly policy?: PolicyInput;
}
