import { Container } from 'inversify';
import { match, type MatchOverrides } from '../engine/match.js';
import { refuseNonObjectOptions } from '../engine/matchOptions.js';
import type { Matching } from '../engine/matching.js';
import type { Cohort } from '../model/cohort.js';
import type { Policy } from '../policies/policy.js';
import { coachmatchModule } from './coachmatchModule.js';
import { tokens, type FeatureBuilder, type Solver } from './tokens.js';

/** A matching engine wired from a container. */
export interface Engine {
  readonly policies: readonly Policy[];
  match(cohort: Cohort, options?: Pick<MatchOverrides, 'policy' | 'allowUnmatched' | 'method' | 'objective' | 'quotaBackend' | 'candidates' | 'candidateSettings'>): Matching;
}

/**
 * The composition root: resolves the feature builder, the policy list and the solver once,
 * and hands them to the plain {@link match} function. Pass a container to add a policy or
 * swap the solver; by default one with {@link coachmatchModule} loaded is used.
 *
 * @example
 * ```ts
 * const container = new Container();
 * container.load(coachmatchModule);
 * container.bind(tokens.policy).toConstantValue(myPolicy);
 * createEngine(container).match(cohort);
 * ```
 */
export function createEngine(container?: Container): Engine {
  const root = container ?? defaultContainer();
  const policies = root.getAll<Policy>(tokens.policy);
  const buildFeatures = root.get<FeatureBuilder>(tokens.featureBuilder);
  const solve = root.get<Solver>(tokens.solver);
  return {
    policies,
    match: (cohort, options = {}) => {
      // Before the spread below, which reads null or a string as no options; match checks the rest.
      refuseNonObjectOptions(options);
      return match(cohort, { ...options, policies, buildFeatures, solve });
    },
  };
}

function defaultContainer(): Container {
  const container = new Container();
  container.load(coachmatchModule);
  return container;
}
