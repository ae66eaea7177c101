import { assembleMatching } from '../engine/assembleMatching.js';
import { refuseQuotas } from '../engine/refuseQuotas.js';
import { defaultMatchOptions, prepareMatch, toAssignmentProblem, type MatchOptions } from '../engine/match.js';
import type { PairBan, Policy } from '../policies/policy.js';
import { positions } from '../policies/positions.js';
import { solvePinned } from '../explain/solvePinned.js';
import { describePinConflicts } from './describePinConflicts.js';
import type { ResolvedScenario, ScenarioRun } from './scenario.js';

/** Options of {@link runScenario}: the engine parts a caller may swap (policies, features, method). */
export type RunScenarioOptions = Pick<MatchOptions, 'method' | 'policies' | 'buildFeatures'>;

/** Defaults for {@link runScenario}: the built-in policies and feature builder. */
export const defaultRunScenarioOptions: RunScenarioOptions = {
  method: defaultMatchOptions.method,
  policies: defaultMatchOptions.policies,
  buildFeatures: defaultMatchOptions.buildFeatures,
};

/**
 * Runs one scenario: features and policies on the changed cohort, the scenario's bans added,
 * an exact solve with its pins held, and the explained matching with KPIs.
 *
 * @remarks
 * Pins that cannot all hold (a pin on a banned pair, more pins on a coach than it has places)
 * give `status: 'pinConflict'` with a diagnosis naming the pins by ids in canonical order (the
 * same whatever the file's order of pins); an impossible rest gives `status: 'infeasible'` with
 * the solver's diagnosis. Without pins and bans the matching is exactly what
 * `match(cohort, { policy })` returns.
 *
 * @example
 * ```ts
 * const run = runScenario(applyScenario(cohort, parseScenario(json)));
 * run.matching?.kpis.pioneerShareWithCommonGround;
 * ```
 */
export function runScenario(scenario: ResolvedScenario, options: Partial<RunScenarioOptions> = {}): ScenarioRun {
  const settings = { ...defaultRunScenarioOptions, ...options };
  // The scenario's bans join the policies' before waivers are decided: a coachee they leave
  // with no allowed coach gets a waivable ban lifted, as a removed coach would.
  const policies = scenario.bans.length === 0 ? settings.policies : [...settings.policies, scenarioBanPolicy(scenario.bans)];
  // Its own options only: runScenarios hands on its whole settings (parallel, threads, …).
  const prepared = prepareMatch(scenario.cohort, { method: settings.method, buildFeatures: settings.buildFeatures, policies, policy: scenario.policy });
  refuseQuotas(prepared, 'scenario comparison');
  const { features, combined } = prepared;
  const { row: rowOf, col: colOf } = positions(features);
  const pins = scenario.pins.map((p) => ({ row: rowOf.get(p.coacheeId)!, col: colOf.get(p.coachId)! }));
  const result = solvePinned(toAssignmentProblem(combined, scenario.allowUnmatched), pins, settings.method);

  const bans: Record<string, string[]> = {};
  for (const [at, list] of combined.bans) {
    bans[`${features.coacheeIds[Math.floor(at / combined.cols)]}→${features.coachIds[at % combined.cols]}`] = list.map((b) => b.reason);
  }
  const base = {
    name: scenario.name,
    coacheeIds: features.coacheeIds,
    coachIds: features.coachIds,
    terms: combined.terms.map((t) => ({ key: t.key, label: t.label, values: t.values })),
    capacity: Array.from(combined.capacity),
    bans,
    scenario: {
      pins: scenario.pins,
      removedCoaches: scenario.removedCoaches,
      addedCoaches: scenario.addedCoaches,
      capacityChanges: scenario.capacityChanges,
      policy: scenario.policy,
    },
  };
  if (result.status === 'pinConflict') {
    const diagnosis = describePinConflicts(result.conflicts, scenario.pins, bans, features.coachIds);
    return { ...base, status: 'pinConflict', matching: null, diagnosis };
  }
  const matching = assembleMatching({ ...prepared, combined, result });
  return { ...base, status: matching.status, matching, diagnosis: matching.diagnosis };
}

/** The scenario's extra bans as a policy: hard (never waived), by the ids it names. */
function scenarioBanPolicy(extra: ResolvedScenario['bans']): Policy {
  return {
    name: 'scenario-bans',
    apply: ({ features }) => {
      const { row: rowOf, col: colOf } = positions(features);
      const bans: PairBan[] = extra.map((ban) => ({ row: rowOf.get(ban.coacheeId)!, col: colOf.get(ban.coachId)!, code: 'scenario', reason: ban.reason }));
      return { bans };
    },
  };
}
