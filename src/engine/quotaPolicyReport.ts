import type { ConstrainedResult } from '../constraints/constrainedResult.js';
import type { QuotaBackend } from '../constraints/quotaBackend.js';
import type { QuotaInstance, QuotaInstanceOutcome } from '../constraints/sideConstraint.js';
import type { FeatureTables } from '../features/featureTables.js';
import type { CohortQuota } from '../model/policySettings.js';
import type { CoacheeType } from '../policies/coacheeType.js';
import type { CombinedProblem } from './combinePolicies.js';
import type { QuotaPolicyConstraint } from './quotaPolicyConstraints.js';

/** How one coach came out under a per-coach quota. */
export interface QuotaCoachCount {
  readonly coachId: string;
  /** Coachees of the quota's type the coach took. */
  readonly count: number;
  /** All coachees the coach took. */
  readonly load: number;
  /** The count (or, for a share quota, the share) sits at a bound. */
  readonly tight: boolean;
}

/** How one cohort quota came out in the matching. */
export interface QuotaOutcome {
  readonly name: string;
  readonly kind: CohortQuota['kind'];
  /** The quota in words. */
  readonly description: string;
  /**
   * `commonGround`: coachees of the type with a common-ground coach; `flaggedPairs`: chosen
   * flagged pairs; per-coach kinds: coachees of the type with the coaches it applies to.
   */
  readonly count: number;
  /** What `count` is out of: coachees of the type, flagged pairs in the pool, or the coaches' total load. */
  readonly of: number;
  /** Per-coach kinds: each coach the quota applies to, in column order. */
  readonly coaches?: readonly QuotaCoachCount[];
  /** Bounds of this quota that sit at their limit (a coachee, a coach, or the total). */
  readonly tight: number;
  /**
   * Dropping this quota would place more coachees or give a better total (null: not priced, or
   * better by less than 10^-10 of the largest weight, which the 0/1 backends cannot tell apart).
   */
  readonly binding: boolean | null;
  /** Total utility the quota costs (null: not priced, or it costs placed coachees: see `coacheesLost`). */
  readonly cost: number | null;
  /** Coachees who would be placed without this quota but are not with it (null: not priced). */
  readonly coacheesLost: number | null;
}

/** One bound in a clash, in words. */
export interface QuotaConflictPart {
  readonly name: string;
  readonly coacheeId?: string;
  readonly coachId?: string;
  /** E.g. "each coach takes at least 3 pioneers, for coach Karel Smit (coach-07)". */
  readonly text: string;
  /** Which bound, when the quota is held by two (a share's least and most): they can clash with each other. */
  readonly bound?: 'lower' | 'upper';
}

/** What the cohort's quotas did, attached to the matching as `quotaReport`. */
export interface QuotaPolicyReport {
  readonly backend: QuotaBackend['name'];
  /** `met`: every quota holds in the matching; `infeasible`: no matching meets them all. */
  readonly status: 'met' | 'infeasible';
  /** One entry per quota, by name whatever the cohort's order (empty when infeasible). */
  readonly quotas: readonly QuotaOutcome[];
  /** When the quotas clash: a set of bounds that cannot all hold, none of which can be dropped. */
  readonly conflict: readonly QuotaConflictPart[];
  /** In words: "all 3 quotas are met (2 bind)", or what cannot be met. */
  readonly message: string;
}

/** What {@link quotaPolicyReport} reads. */
export interface QuotaReportInput {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
  readonly translated: readonly QuotaPolicyConstraint[];
  readonly result: ConstrainedResult;
  /** Each coachee's type (row order), as the quotas were built with. */
  readonly coacheeTypes: readonly CoacheeType[];
}

/**
 * Reads a constrained solve back in the cohort's terms: counts per quota and per coach,
 * which quotas bind and at what cost, or the clashing quotas with the coachees and coaches
 * they concern.
 */
export function quotaPolicyReport({ features, combined, translated, result, coacheeTypes }: QuotaReportInput): QuotaPolicyReport {
  if (result.status === 'infeasible') {
    const conflict = result.conflict.map((instance) => conflictPart(instance, translated, features));
    const message = result.cause === 'problem'
      ? 'the cohort cannot be matched even without quotas (see the diagnosis)'
      : conflict.length === 1
        ? `this quota cannot be met: ${conflict[0]!.text}`
        : `these quotas cannot all be met together: ${conflict.map((c) => c.text).join('; ')}`;
    return { backend: result.backend, status: 'infeasible', quotas: [], conflict, message };
  }
  if (result.status === 'unknown') return { backend: result.backend, status: 'infeasible', quotas: [], conflict: [], message: result.message };
  const { cols } = combined;
  const assignment = result.assignment;
  const members: number[][] = Array.from({ length: cols }, () => []);
  assignment.forEach((j, i) => {
    if (j !== null) members[j]!.push(i);
  });
  const quotas = translated.map((t): QuotaOutcome => {
    const instances = result.instances.filter((inst) => t.constraints.some((c) => c.name === inst.name));
    // A quota's constraints form one group (see quotaPolicyConstraints), priced together, so
    // each carries the price of the whole quota: the first's is the quota's.
    const priced = t.constraints.length === 0 ? undefined : result.quotas.find((r) => r.name === t.constraints[0]!.name);
    const binding = priced === undefined ? false : priced.binding;
    const cost = priced === undefined ? 0 : priced.cost;
    const coacheesLost = priced === undefined ? 0 : priced.rowsLost;
    // A coach with no coachees meets a share quota (documented), though its weighted count 0
    // sits at a bound of 0: not tight.
    const empty = (inst: QuotaInstanceOutcome) => t.quota.kind === 'coacheeSharePerCoach' && inst.col !== null && members[inst.col]!.length === 0;
    const tight = instances.filter((inst) => inst.tight && !empty(inst)).length;
    const common = { name: t.name, kind: t.quota.kind, description: t.description, tight, binding, cost, coacheesLost };
    const first = t.constraints[0];
    if (first === undefined) return { ...common, count: 0, of: 0 };
    const counted = new Set(first.pairs.map(([i, j]) => i * cols + j));
    const chosen = (i: number) => assignment[i] !== null && counted.has(i * cols + assignment[i]!);
    switch (t.quota.kind) {
      case 'commonGround': {
        // Count from the feature, whichever way round the constraint was built.
        const over = first.over ?? [];
        const withGround = over.filter((i) => assignment[i] !== null && features.commonGround.get(i, assignment[i]!) > 0);
        return { ...common, count: withGround.length, of: over.length };
      }
      case 'flaggedPairs':
        return { ...common, count: assignment.filter((_, i) => chosen(i)).length, of: first.pairs.length };
      case 'coacheesPerCoach':
      case 'coacheeSharePerCoach': {
        const type = t.quota.coacheeType;
        const typed = (i: number) => coacheeTypes[i] === type;
        const tightCoaches = new Set(instances.filter((inst) => inst.tight && !empty(inst) && inst.col !== null).map((inst) => inst.col!));
        const coaches = (first.over ?? []).map((j) => ({
          coachId: features.coachIds[j]!,
          count: members[j]!.filter(typed).length,
          load: members[j]!.length,
          tight: tightCoaches.has(j),
        }));
        return { ...common, count: coaches.reduce((n, c) => n + c.count, 0), of: coaches.reduce((n, c) => n + c.load, 0), coaches };
      }
    }
  });
  const binding = quotas.filter((q) => q.binding === true).length;
  return {
    backend: result.backend,
    status: 'met',
    quotas,
    conflict: [],
    message: `${quotas.length === 1 ? 'the quota is' : `all ${quotas.length} quotas are`} met (${binding} bind${binding === 1 ? 's' : ''})`,
  };
}

function conflictPart(instance: QuotaInstance, translated: readonly QuotaPolicyConstraint[], features: FeatureTables): QuotaConflictPart {
  const owner = translated.find((t) => t.constraints.some((c) => c.name === instance.name))!;
  const person = (records: readonly { id: string; name: string }[], k: number) => `${records[k]!.name} (${records[k]!.id})`;
  // A share's two bounds are two constraints: without naming the side, their clash read as one quota listed twice (hunt I).
  const side: 'lower' | 'upper' | undefined = owner.constraints.length > 1 && (instance.min === null) !== (instance.max === null) ? (instance.min !== null ? 'lower' : 'upper') : undefined;
  const which = side === undefined ? {} : { bound: side };
  const its = side === undefined ? '' : ` (its ${side} bound)`;
  if (instance.row !== null) {
    return { name: owner.name, coacheeId: features.coacheeIds[instance.row]!, text: `${owner.description}${its}, for coachee ${person(features.coachees, instance.row)}`, ...which };
  }
  if (instance.col !== null) {
    return { name: owner.name, coachId: features.coachIds[instance.col]!, text: `${owner.description}${its}, for coach ${person(features.coaches, instance.col)}`, ...which };
  }
  return { name: owner.name, text: `${owner.description}${its}`, ...which };
}
