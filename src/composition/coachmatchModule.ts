import { ContainerModule } from 'inversify';
import { buildFeatureTables } from '../features/buildFeatureTables.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import { tokens, type FeatureBuilder, type Solver } from './tokens.js';
import type { Policy } from '../policies/policy.js';

/**
 * The default bindings: the built-in feature builder, every built-in policy (multi-bound,
 * so an application adds its own with one more `bind`), and the exact solver.
 */
export const coachmatchModule = new ContainerModule(({ bind }) => {
  bind<FeatureBuilder>(tokens.featureBuilder).toConstantValue(buildFeatureTables);
  for (const policy of defaultPolicies) bind<Policy>(tokens.policy).toConstantValue(policy);
  bind<Solver>(tokens.solver).toConstantValue(solveAssignment);
});
