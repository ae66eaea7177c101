import type { MatchingKpis } from '../engine/matching.js';
import type { PolicyInput } from '../model/policySettings.js';
import type { ResolvedScenario, ScenarioRun } from './scenario.js';

/** A sweep over one numeric policy field: `steps` equal steps from `from` to `to` (steps + 1 values). */
export interface SweepSpec {
  /** A dotted path into the policy section, e.g. `weights.difference` (see `sweepablePolicyPaths`). */
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

/** One point of a trade-off curve. */
export interface SweepPoint {
  readonly value: number;
  readonly status: ScenarioRun['status'];
  readonly objective: number | null;
  readonly kpis: Partial<MatchingKpis>;
  /** Coachees whose coach differs from the previous point's (0 for the first). */
  readonly changed: number;
}

/** The values a sweep visits, rounded to 12 significant digits so that 0.1 × 3 prints as 0.3. */
export function sweepValues(spec: SweepSpec): number[] {
  return Array.from({ length: spec.steps + 1 }, (_, s) => Number((spec.from + ((spec.to - spec.from) * s) / spec.steps).toPrecision(12)));
}

/**
 * One scenario per value of the swept field, each the base scenario with that field
 * overridden in its policy; named `path=value`.
 *
 * @example
 * ```ts
 * const points = sweepScenarios(base, { path: 'weights.difference', from: 0, to: 1, steps: 10 }); // 11 scenarios
 * ```
 */
export function sweepScenarios(base: ResolvedScenario, spec: SweepSpec): ResolvedScenario[] {
  return sweepValues(spec).map((value) => ({ ...base, name: `${spec.path}=${value}`, policy: withField(base.policy, spec.path, value) }));
}

/** The policy with the field at `path` (as in {@link SweepSpec}) set to `value`. */
export function withField(policy: PolicyInput | undefined, path: string, value: number): PolicyInput {
  const [head, key] = path.split('.');
  if (head === 'weights' && key !== undefined) return { ...policy, weights: { ...policy?.weights, [key]: value } };
  return { ...policy, [head!]: value };
}

/** KPIs shown on a trade-off curve. */
export const sweepKpis: readonly (keyof MatchingKpis)[] = Object.freeze([
  'matched',
  'meanScore',
  'meanAspirationFit',
  'meanSupportFit',
  'pioneerShareWithCommonGround',
  'insiderShareSufficientlyDifferent',
  // Beside the share: insiders of unknown difference are out of it once a minimum applies.
  'insidersDifferenceUnknown',
  'preferenceHonoured',
] satisfies (keyof MatchingKpis)[]);

/**
 * The trade-off curve of a sweep: per value, the objective, the KPIs of {@link sweepKpis}
 * and how many coachees changed coach since the previous value.
 */
export function tradeOffCurve(spec: SweepSpec, runs: readonly ScenarioRun[]): SweepPoint[] {
  const values = sweepValues(spec);
  let previous: Map<string, string | null> | null = null;
  return runs.map((run, s) => {
    // A run without a matching (a pin conflict) leaves every coachee without a coach, as compare counts it.
    const coachOf = new Map<string, string | null>(run.coacheeIds.map((id) => [id, null]));
    for (const c of run.matching?.coachees ?? []) coachOf.set(c.coacheeId, c.status === 'matched' ? c.coachId : null);
    const changed = previous === null ? 0 : [...coachOf].filter(([id, coach]) => previous!.get(id) !== coach).length;
    previous = coachOf;
    const kpis: Partial<Record<keyof MatchingKpis, number | null>> = {};
    for (const key of sweepKpis) kpis[key] = run.matching?.kpis[key] ?? null;
    return { value: values[s]!, status: run.status, objective: run.matching?.objective ?? null, kpis: kpis as Partial<MatchingKpis>, changed };
  });
}
