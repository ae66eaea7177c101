import type { Matching } from '../engine/matching.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicyInput } from '../model/policySettings.js';

/** A pair named by ids, as scenarios and re-matching write them. */
export interface IdPair {
  readonly coacheeId: string;
  readonly coachId: string;
}

/**
 * A scenario ready to run: the base cohort with the coach changes applied (removed coaches
 * inactive, added coaches in the pool, capacities changed), plus what is solved on top of it.
 * Plain data, so it can be sent to a worker thread.
 */
export interface ResolvedScenario {
  readonly name: string;
  readonly cohort: Cohort;
  /** Overrides on top of the cohort's own policy section. */
  readonly policy: PolicyInput | undefined;
  readonly pins: readonly IdPair[];
  readonly bans: readonly (IdPair & { readonly reason: string })[];
  readonly allowUnmatched: boolean;
  /** What the scenario changed in the cohort, for naming reasons in comparisons. */
  readonly removedCoaches: readonly string[];
  readonly addedCoaches: readonly string[];
  readonly capacityChanges: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
}

/** One utility term of a run, per pair over (coachee row, coach column). */
export interface RunTerm {
  readonly key: string;
  readonly label: string;
  readonly values: Float64Array;
}

/**
 * The outcome of {@link runScenario}: the matching plus the per-pair data comparisons need to
 * name reasons. Plain data (structured-cloneable) so that worker threads can return it.
 */
export interface ScenarioRun {
  readonly name: string;
  /** `pinConflict`: the pins cannot all hold (see `diagnosis`); no matching is made. */
  readonly status: 'optimal' | 'infeasible' | 'pinConflict';
  readonly matching: Matching | null;
  readonly diagnosis: readonly string[];
  readonly coacheeIds: readonly string[];
  /** The active coach pool, in column order. */
  readonly coachIds: readonly string[];
  readonly terms: readonly RunTerm[];
  readonly capacity: readonly number[];
  /** Ban reasons per pair key `coacheeId→coachId` (policies' and the scenario's). */
  readonly bans: Readonly<Record<string, readonly string[]>>;
  readonly scenario: Pick<ResolvedScenario, 'pins' | 'removedCoaches' | 'addedCoaches' | 'capacityChanges' | 'policy'>;
}
