/**
 * Weights of the utility terms. A pair's utility is Σ weight × feature, each feature in
 * [0, 1]; penalties in {@link PolicySettings} are subtracted in the same unit ("utility
 * points"), so a penalty of 0.15 cancels 15% of a perfect aspiration fit at weight 1.
 */
export interface PolicyWeights {
  /**
   * Aspiration fit (coach's sector/role vs the coachee's aspired ones). Default 1: the first
   * reason students pick a coach is a job resembling the one they aim for.
   */
  readonly aspiration: number;
  /**
   * Support fit (coach's offer covers the coachee's needs, socio-emotional as a floor).
   * Default 1: the working alliance is the strongest predictor of outcome.
   */
  readonly support: number;
  /**
   * Common ground (one real affinity counts a lot). Policies slide it up for pioneers and
   * down for insiders. Default 0.6.
   */
  readonly commonGround: number;
  /**
   * Difference (weighted mean identity dissimilarity). Policies slide it up for insiders and
   * down for pioneers. Default 0.4: difference teaches, but similarity is what makes a start.
   */
  readonly difference: number;
  /**
   * Scarcity: bonus for giving a coach with a rare background to a pioneer who shares it,
   * scaled by the rarity of the shared value. Default 0.3.
   */
  readonly scarcity: number;
  /**
   * Continuity: bonus for keeping the coachee's current coach. Default 0.2: a re-match
   * strains the relationship and can feel like rejection (domain notes).
   */
  readonly continuity: number;
  /**
   * How strongly a coachee's `priority` scales their utility row:
   * multiplier = 1 + priority × (coachee.priority − 1). 0 ignores priorities; default 1
   * (a coachee with priority 2 counts twice: its gains twice, its losses half, so that it is
   * served first whether its pairs score above or below 0).
   */
  readonly priority: number;
}

/**
 * Everything a policy needs to turn features into utility, bans and constraints. Every field
 * has a default in {@link defaultPolicy}; a cohort file or a caller overrides a few.
 */
export interface PolicySettings {
  /** Weights of the utility terms. */
  readonly weights: PolicyWeights;
  /**
   * Utility bonus for the coachee's 1st, 2nd, 3rd… preferred coach (utility points; ranks
   * beyond the list earn nothing). Default `[0.3, 0.2, 0.1]`: a choice matters, but does not
   * outweigh a much better fit.
   */
  readonly preferenceBonus: readonly number[];
  /**
   * Insiderness (in [0, 1]) at or above which a coachee counts as an insider; below it they
   * are a pioneer. Default 0.75: the coachee holds the pool's typical values on most of the
   * weighted identity attributes.
   */
  readonly insiderThreshold: number;
  /**
   * Difference (in [0, 1]) an insider's coach should reach. Default 0.35: at least about a
   * third of the weighted identity profile differs. A coach with no identity attribute known
   * on both sides neither reaches nor misses it: the pair is flagged `differenceUnknown`.
   */
  readonly minDifferenceForInsiders: number;
  /**
   * When true, coaches below {@link minDifferenceForInsiders} are banned for insiders (a hard
   * constraint; never a coach of unknown difference, which is no evidence of sameness); when false it only steers through the difference weight. Default false:
   * a hard rule can leave an insider unmatched in a small pool.
   */
  readonly hardMinDifference: boolean;
  /**
   * Penalty (utility points per unit of difference) for an insider's coach below
   * {@link minDifferenceForInsiders}. Default 3: a coach 0.1 short costs 0.3, about a related
   * instead of an exact role, so "make sure the coach is sufficiently different" (domain
   * notes) wins unless the alternative is clearly worse on fit.
   */
  readonly minDifferencePenalty: number;
  /**
   * What to do when the coach evaluates or manages the coachee (the "hat problem"). Default
   * `'penalise'`: the sources allow it with transparency, so the pair is penalised and flagged
   * "disclose the dual role"; `'ban'` forbids it.
   */
  readonly dualRole: 'penalise' | 'ban';
  /** Penalty (utility points) for an open dual role when {@link dualRole} is `'penalise'`. Default 0.15. */
  readonly dualRolePenalty: number;
  /**
   * Penalty (utility points) when the coach is close to (closeTo/family/sameTeam with), reports
   * to, or oversees someone who evaluates or manages the coachee. Default 0.3, twice the dual-role penalty: a hidden
   * channel to the evaluator is worse for trust than an open dual role.
   */
  readonly closeToEvaluatorPenalty: number;
  /**
   * Ban a coach who is within {@link clanDepth} family/closeTo steps of the coachee, or whom
   * the coachee or a clan member manages or evaluates within those steps. Default true: the
   * clan already follows the coachee; the coach should be an independent person.
   */
  readonly clanBan: boolean;
  /**
   * How many family/closeTo steps make the clan (1 = direct family or close friends; 2 = also
   * their family or close friends). Integer ≥ 1; default 2, the boss's daughter's case.
   */
  readonly clanDepth: number;
  /** Penalty (utility points) for a clan pair when {@link clanBan} is false. Default 0.5. */
  readonly clanPenalty: number;
  /**
   * What to do when the coach coached the coachee before. Default `'allow'`: continuity can
   * help; choose `'penalise'` or `'ban'` when every coachee should meet someone new.
   */
  readonly previouslyCoached: 'allow' | 'penalise' | 'ban';
  /** Penalty (utility points) when {@link previouslyCoached} is `'penalise'`. Default 0.1. */
  readonly previouslyCoachedPenalty: number;
  /**
   * Penalty (utility points) when coach and coachee work in the same team: a mild conflict
   * (colleagues see each other daily). Default 0.05.
   */
  readonly sameTeamPenalty: number;
  /**
   * Hard quotas the matching must meet (see {@link CohortQuota}). Default none: quotas can
   * make a cohort infeasible and cost utility, so a coordinator states them explicitly.
   * Replaced whole by an override, like {@link preferenceBonus}.
   */
  readonly quotas: readonly CohortQuota[];
}

/**
 * The coaches a quota applies to: those whose attribute value matches. `equals` and `oneOf`
 * compare a categorical, text or numeric value (a set attribute matches when it contains
 * one of the values); `atLeast` / `atMost` bound a numeric value (both may be given). A coach
 * without a value for the attribute never matches. The attribute must be declared in the
 * cohort (a purely descriptive one such as `seniority` can be declared with weight 0).
 *
 * @example
 * ```json
 * { "attribute": "seniority", "equals": "senior" }
 * { "attribute": "age", "atLeast": 50 }
 * ```
 */
export interface CoachFilter {
  readonly attribute: string;
  readonly equals?: string | number;
  readonly oneOf?: readonly (string | number)[];
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** Fields every quota kind has. */
interface QuotaBase {
  /** A name for reports, unique among the quotas; default `quotas[<index>]`. Quotas are read and reported by name: their order in the list means nothing. */
  readonly name?: string;
}

/**
 * A hard quota a coordinator writes in the cohort's `policy.quotas`. The matching meets
 * every quota or is reported infeasible, naming the quotas (and coachees or coaches) that
 * clash. Quotas apply with the `total` objective.
 *
 * - `commonGround`: every coachee of `coacheeType` (default `pioneer`) gets a coach with
 *   whom they share at least one identity value (a pioneer left unplaced breaks it too,
 *   unless `orUnmatched` is true). `{ "kind": "commonGround" }`
 * - `flaggedPairs`: the number of chosen pairs carrying a flag with code `flag` lies in
 *   [min, max], e.g. at most 5 open dual roles:
 *   `{ "kind": "flaggedPairs", "flag": "discloseDualRole", "max": 5 }`.
 *   Built-in codes: `discloseDualRole`, `closeToEvaluator`, `previouslyCoached`, `sameTeam`,
 *   `clan`, `insufficientDifference`, `differenceUnknown` (an insider's pair with no identity
 *   attribute known on both sides, when a minimum difference applies).
 * - `coacheesPerCoach`: each coach matching `coaches` (default every coach) takes between
 *   `min` and `max` coachees of `coacheeType`, e.g. each senior coach at least one pioneer:
 *   `{ "kind": "coacheesPerCoach", "coaches": { "attribute": "seniority", "equals": "senior" }, "coacheeType": "pioneer", "min": 1 }`.
 * - `coacheeSharePerCoach`: among each matching coach's coachees, the share of
 *   `coacheeType` lies in [minShare, maxShare] (a coach with no coachees meets it), e.g. no
 *   coach with more than 60% insiders:
 *   `{ "kind": "coacheeSharePerCoach", "coacheeType": "insider", "maxShare": 0.6 }`.
 *
 * Counts (`min`, `max`) are whole numbers ≥ 0, shares lie in [0, 1]; each quota needs at
 * least one bound, and a lower bound may not exceed the upper one.
 */
export type CohortQuota =
  | (QuotaBase & {
      readonly kind: 'commonGround';
      readonly coacheeType?: CoacheeKind;
      /**
       * True: such a coachee may stay unmatched instead (the quota then only rules out a coach
       * without common ground). Default false: unmatched breaks the quota, which is what
       * "every pioneer gets a coach with common ground" says but is infeasible whenever the
       * pool cannot place every coachee of the type.
       */
      readonly orUnmatched?: boolean;
    })
  | (QuotaBase & { readonly kind: 'flaggedPairs'; readonly flag: string; readonly min?: number; readonly max?: number })
  | (QuotaBase & {
      readonly kind: 'coacheesPerCoach';
      readonly coaches?: CoachFilter;
      readonly coacheeType: CoacheeKind;
      readonly min?: number;
      readonly max?: number;
    })
  | (QuotaBase & {
      readonly kind: 'coacheeSharePerCoach';
      readonly coaches?: CoachFilter;
      readonly coacheeType: CoacheeKind;
      readonly minShare?: number;
      readonly maxShare?: number;
    });

/**
 * The flag codes the built-in policies put on pairs, which a `flaggedPairs` quota may name:
 * a code no policy emits would count no pair, and a quota on it would always be "met".
 */
export const builtInFlagCodes = ['discloseDualRole', 'closeToEvaluator', 'previouslyCoached', 'sameTeam', 'clan', 'insufficientDifference', 'differenceUnknown'] as const;

/**
 * Whether a flag code belongs to a policy of the caller's own: a prefix, a dot, a name
 * (`acme.mentorTrained`). Unprefixed codes are the built-in policies', so a misspelt one is
 * refused as the cohort is read; a prefixed one is checked when matching, against the codes
 * the active policies declare (`Policy.flagCodes`).
 */
export function isCustomFlagCode(code: string): boolean {
  return CUSTOM_FLAG_CODE.test(code);
}

/** A prefix, a dot, a name: the shape of a custom flag code (see {@link isCustomFlagCode}). */
export const CUSTOM_FLAG_CODE = /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)+$/;

/** Whether a `flaggedPairs` quota may name the code at all: built in, or prefixed (see {@link isCustomFlagCode}). */
export function isQuotaFlagCode(code: string): boolean {
  return (builtInFlagCodes as readonly string[]).includes(code) || isCustomFlagCode(code);
}

/** Insider or pioneer (as `CoacheeType` in the policies; repeated here so the model imports no policy). */
export type CoacheeKind = 'insider' | 'pioneer';

/** Partial overrides of {@link PolicySettings}; `weights` may itself be partial. */
export type PolicyOverrides = {
  readonly [K in keyof PolicySettings]?: K extends 'weights' ? Partial<PolicyWeights> : PolicySettings[K];
};

/** Names of the built-in presets (see {@link policyPresets}). */
export type PolicyPresetName = 'default' | 'similarity-first' | 'diversity-first';

/** A cohort's `policy` section: an optional preset plus partial overrides applied on top of it. */
export type PolicyInput = PolicyOverrides & { readonly preset?: PolicyPresetName };
