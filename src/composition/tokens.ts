import type { FeatureTables } from '../features/featureTables.js';
import type { Cohort } from '../model/cohort.js';
import type { Policy } from '../policies/policy.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../solver/types.js';

/** Builds the feature tables of a cohort. */
export type FeatureBuilder = (cohort: Cohort) => FeatureTables;
/** Solves an assignment problem. */
export type Solver = (problem: AssignmentProblem, options: { method: SolverMethod }) => AssignmentResult;

/** Service identifiers of the composition root. */
export const tokens = {
  /** Multi-bound: every policy the engine applies, in binding order. */
  policy: Symbol.for('coachmatch.policy') as symbol & { readonly __type?: Policy },
  featureBuilder: Symbol.for('coachmatch.featureBuilder') as symbol & { readonly __type?: FeatureBuilder },
  solver: Symbol.for('coachmatch.solver') as symbol & { readonly __type?: Solver },
} as const;
