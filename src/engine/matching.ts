import type { CandidateReport } from '../candidates/candidateReport.js';
import type { CoacheeType } from '../policies/coacheeType.js';
import type { ObjectiveReport } from './objectiveReport.js';
import type { QuotaPolicyReport } from './quotaPolicyReport.js';

/** One utility term's contribution to a pair's score. */
export interface TermValue {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

/** Something the coordinator must know about a chosen pair. */
export interface MatchFlag {
  readonly code: string;
  readonly message: string;
}

/** Fields every coachee entry has. */
interface CoacheeEntryBase {
  readonly coacheeId: string;
  readonly coacheeName: string;
  readonly coacheeType: CoacheeType;
  /** How typical the coachee's identity profile is among the available coaches, in [0, 1]. */
  readonly insiderness: number;
}

/** A coachee with a coach, and why. */
export interface MatchedCoachee extends CoacheeEntryBase {
  readonly status: 'matched';
  readonly coachId: string;
  readonly coachName: string;
  /** Sum of the terms (unweighted by priority). */
  readonly score: number;
  readonly terms: readonly TermValue[];
  readonly flags: readonly MatchFlag[];
  /** The common ground in words, e.g. "Home town: Heerlen". */
  readonly commonGround: readonly string[];
  /** How different the two are, in [0, 1]; null when no identity attribute is known for both (unknown, not 0). */
  readonly difference: number | null;
}

/** A coachee left without a coach, and why. */
export interface UnmatchedCoachee extends CoacheeEntryBase {
  readonly status: 'unmatched';
  readonly reason: string;
}

export type CoacheeEntry = MatchedCoachee | UnmatchedCoachee;

/** A coach's load after matching. */
export interface CoachLoad {
  readonly coachId: string;
  readonly coachName: string;
  readonly load: number;
  readonly capacity: number;
  readonly minLoad: number;
  readonly coacheeIds: readonly string[];
}

/** The figures a coordinator checks first. */
export interface MatchingKpis {
  readonly coachees: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly meanScore: number | null;
  readonly worstScore: number | null;
  readonly meanAspirationFit: number | null;
  readonly meanSupportFit: number | null;
  readonly insiders: number;
  /** Matched insiders whose coach's known difference reaches the minimum. */
  readonly insidersSufficientlyDifferent: number;
  /**
   * Matched insiders whose coach's difference is unknown (no identity attribute known for
   * both), while a minimum difference applies: neither sufficiently different nor too similar.
   */
  readonly insidersDifferenceUnknown: number;
  /** Share of matched insiders whose coach reaches the minimum difference (null: none matched). */
  readonly insiderShareSufficientlyDifferent: number | null;
  readonly pioneers: number;
  readonly pioneersWithCommonGround: number;
  /** Share of matched pioneers who share something with their coach (null: none matched). */
  readonly pioneerShareWithCommonGround: number | null;
  /** Pairs in the pool with a role conflict (banned or penalised). */
  readonly conflictPairs: number;
  /** Conflicting pairs not chosen. */
  readonly conflictsAvoided: number;
  /** Chosen pairs whose dual role must be disclosed. */
  readonly dualRolesDisclosed: number;
  /** Coachees who got one of their ranked preferences / their first choice among the coaches in the pool. */
  readonly preferenceHonoured: number;
  readonly firstChoiceHonoured: number;
  readonly coachesUsed: number;
  readonly coachesAvailable: number;
}

/** The result of {@link match}. */
export interface Matching {
  /**
   * `infeasible` when hard constraints (minimum loads, every coachee placed) cannot all hold;
   * `feasible` when a large cohort's candidate pairs gave a valid matching whose optimality
   * the certificate could not prove; `unknown` when the candidate pairs gave no matching and
   * the full problem was not searched (see `candidates`).
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  readonly preset: string;
  /** The solver's objective: Σ priority-weighted utility of the chosen pairs. */
  readonly objective: number | null;
  readonly coachees: readonly CoacheeEntry[];
  readonly coaches: readonly CoachLoad[];
  readonly kpis: MatchingKpis;
  /** Why the problem is infeasible, in words. */
  readonly diagnosis: readonly string[];
  /** With objective `fair` or `stable`: what that objective achieved and what it cost. */
  readonly objectiveReport?: ObjectiveReport;
  /** With `policy.quotas`: each quota's counts, whether it binds and what it costs. */
  readonly quotaReport?: QuotaPolicyReport;
  /** On a large cohort matched on candidate pairs: how, and whether the result is proven optimal. */
  readonly candidates?: CandidateReport;
}
