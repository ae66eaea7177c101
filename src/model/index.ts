/** The cohort model: the only part of coachmatch that knows the wire format (and zod). */
export {
  attributeDeclarationSchema,
  numericScaleSchema,
  relatedValuesSchema,
  type AttributeDeclaration,
  type AttributeKind,
  type AttributeRole,
  type NumericAttributeDeclaration,
  type NumericScale,
  type RelatedValues,
} from './attributeDeclarationSchema.js';
export { attributeValueSchema, attributeValuesSchema, type AttributeValue, type AttributeValues } from './attributeValuesSchema.js';
export { coachSchema, type Coach } from './coachSchema.js';
export { coacheeSchema, type Coachee } from './coacheeSchema.js';
export { personSchema, type Person } from './personSchema.js';
export { relationSchema, relationTypes, symmetricRelationTypes, type Relation, type RelationType } from './relationSchema.js';
export { supportProfileSchema, type SupportProfile } from './supportProfileSchema.js';
export { supportKinds, type SupportKind } from './supportKinds.js';
export { cohortSchema, type CohortInput } from './cohortSchema.js';
export type { Cohort } from './cohort.js';
export type { DeepReadonly } from './deepReadonly.js';
export type { PolicyInput, PolicyOverrides, PolicyPresetName, PolicySettings, PolicyWeights } from './policySettings.js';
export { defaultPolicy } from './defaultPolicy.js';
export { policyPresets, policyPresetNames } from './policyPresets.js';
export { policyInputSchema } from './policyInputSchema.js';
export { resolvePolicy } from './resolvePolicy.js';
export { parseCohort } from './parseCohort.js';
export { validateCohort, type CohortValidation } from './validateCohort.js';
export { cohortJsonSchema } from './cohortJsonSchema.js';
export { compareIds } from './compareIds.js';
export { toJsonPath } from './toJsonPath.js';
