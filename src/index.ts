// Solver core: exact weighted, capacitated assignment (knows nothing about coaching).
export { solveAssignment, defaultSolveOptions } from './solver/solveAssignment.js';
export type {
  AssignmentProblem,
  AssignmentResult,
  Diagnosis,
  Duals,
  Sense,
  SolveOptions,
  SolverMethod,
} from './solver/types.js';

// Cohort model.
export {
  parseCohort,
  validateCohort,
  cohortJsonSchema,
  resolvePolicy,
  defaultPolicy,
  policyPresets,
  policyPresetNames,
} from './model/index.js';
export type {
  Cohort,
  CohortInput,
  CohortValidation,
  Coach,
  Coachee,
  Person,
  Relation,
  RelationType,
  AttributeDeclaration,
  AttributeValue,
  AttributeValues,
  SupportProfile,
  PolicyInput,
  PolicyOverrides,
  PolicyPresetName,
  PolicySettings,
  PolicyWeights,
} from './model/index.js';

// Features and policies.
export { buildFeatureTables } from './features/buildFeatureTables.js';
export type { FeatureTables } from './features/featureTables.js';
export { defaultPolicies } from './policies/defaultPolicies.js';
export type { Policy, PolicyContext, PolicyContribution, PairBan, PairFlag, UtilityTerm } from './policies/policy.js';

// Engine and composition root.
export { match, defaultMatchOptions } from './engine/match.js';
export type { MatchOptions } from './engine/match.js';
export type { Matching, MatchedCoachee, UnmatchedCoachee, CoacheeEntry, CoachLoad, MatchingKpis, TermValue, MatchFlag } from './engine/matching.js';
export { createEngine } from './composition/createEngine.js';
export type { Engine } from './composition/createEngine.js';
export { coachmatchModule } from './composition/coachmatchModule.js';
export { tokens } from './composition/tokens.js';
export { renderMarkdown } from './report/renderMarkdown.js';

export { CoachmatchError, isErrorOfKind } from './errors.js';
export type { CoachmatchErrorKind, InputIssue } from './errors.js';
