import type { FeatureTables } from '../features/featureTables.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { RelationIndex } from './relationIndex.js';

/** What a policy sees: the parsed cohort, its feature tables, the resolved settings. */
export interface PolicyContext {
  readonly cohort: Cohort;
  readonly features: FeatureTables;
  readonly settings: PolicySettings;
  readonly relations: RelationIndex;
}

/**
 * A named utility term: one weighted value per pair, row-major over
 * (coachee row, coach column) as in {@link FeatureTables}. Explanations show each term.
 */
export interface UtilityTerm {
  readonly key: string;
  readonly label: string;
  readonly values: Float64Array;
}

/** Why a pair is forbidden, in words a coordinator can act on. */
export interface PairBan {
  readonly row: number;
  readonly col: number;
  readonly code: string;
  readonly reason: string;
  /** Lifted when it would leave the coachee with no allowed coach at all. */
  readonly waivable?: boolean;
  /**
   * A waived ban becomes a flag with the same code on the pair, so the report shows the rule
   * was lifted; this is its message (default: the reason, and that the ban was waived).
   */
  readonly waivedMessage?: string;
}

/** Something a coordinator must know about a pair if it is chosen (e.g. "disclose the dual role"). */
export interface PairFlag {
  readonly row: number;
  readonly col: number;
  readonly code: string;
  readonly message: string;
}

/** Everything a policy may add; all parts optional. */
export interface PolicyContribution {
  readonly terms?: readonly UtilityTerm[];
  readonly bans?: readonly PairBan[];
  readonly flags?: readonly PairFlag[];
  /** Per coachee, a factor on the whole utility row when solving (e.g. priority). */
  readonly rowMultiplier?: Float64Array;
  /** Per coach column, a maximum load; several policies combine by minimum. */
  readonly capacity?: Int32Array;
  /** Per coach column, a minimum load; several policies combine by maximum. */
  readonly minLoad?: Int32Array;
}

/**
 * A small pure plug-in that turns features into utility terms, bans with reasons and
 * constraints. Policies never see each other; the engine adds their contributions up.
 *
 * @example
 * ```ts
 * const noExternals: Policy = {
 *   name: 'internal-only',
 *   apply: ({ features }) => ({
 *     bans: features.coaches.flatMap((coach, col) => coach.type === 'external'
 *       ? features.coachees.map((_, row) => ({ row, col, code: 'external', reason: 'internal coaches only' }))
 *       : []),
 *   }),
 * };
 * ```
 */
export interface Policy {
  readonly name: string;
  /**
   * The flag codes this policy may put on pairs (waivable bans included: a waived ban leaves a
   * flag of its code). A `flaggedPairs` quota may name only codes that an active policy
   * declares here (declared, so that accepting a quota never depends on the data); a policy of
   * your own names its codes with a prefix
   * (`acme.mentorTrained`, see `isCustomFlagCode`), so that a misspelt built-in code is caught
   * as the cohort is read (match refuses an unprefixed code here).
   */
  readonly flagCodes?: readonly string[];
  apply(context: PolicyContext): PolicyContribution;
}
