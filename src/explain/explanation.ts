import type { TermValue } from '../engine/matching.js';

/** One term of an alternative's score next to the chosen coach's: `delta = value − chosen`. */
export interface TermDelta extends TermValue {
  readonly chosen: number;
  readonly delta: number;
}

/** Something that stands between a coachee and an alternative coach. */
export type Obstacle =
  | {
      readonly kind: 'ban';
      readonly code: string;
      readonly reason: string;
    }
  | {
      /** The coach's places are all taken, by these coachees. */
      readonly kind: 'full';
      readonly capacity: number;
      readonly heldBy: readonly string[];
    }
  | {
      /** The pair scores lower on these terms (most negative first). */
      readonly kind: 'worseFit';
      readonly terms: readonly TermDelta[];
    };

/** What it would take to give the coachee this coach instead. */
export interface Alternative {
  readonly coachId: string;
  readonly coachName: string;
  /** 1-based rank among the coachee's preferred coaches in the pool (the rank the preference bonus pays), when the coachee ranked this coach. */
  readonly preferenceRank: number | null;
  /** Sum of the pair's terms (unweighted by priority). */
  readonly score: number;
  /** The pair's difference; null when no identity attribute is known for both (unknown, not 0). */
  readonly difference: number | null;
  /** The pair's terms next to the chosen coach's (all zero-based on 0 when the coachee is unmatched). */
  readonly terms: readonly TermDelta[];
  /** False when a ban forbids the pair; its loss is then the loss if the ban were lifted. */
  readonly allowed: boolean;
  /**
   * Lower bound on {@link loss} from the solver's duals (`row + col − w`); null for a banned
   * pair, whose pairing constraint has no dual.
   */
  readonly dualBound: number | null;
  /**
   * Exact drop of the total (priority-weighted) objective if this pair were forced, from a
   * re-solve with the pair pinned; null when the pair cannot be forced at all (capacity 0).
   */
  readonly loss: number | null;
  /** Coachees who would lose their place if the pair were forced (usually 0). */
  readonly unplaces: number;
  /**
   * Other coachees whose coach would change if the pair were forced: in one optimum of the
   * pinned problem, the one the flow solver reaches by repairing the current matching; where
   * optima tie, another optimum could move other coachees.
   */
  readonly knockOn: readonly { readonly coacheeId: string; readonly from: string | null; readonly to: string | null }[];
  readonly obstacles: readonly Obstacle[];
}

/** One coachee's explanation: the chosen coach's score by term, and the best alternatives. */
export interface CoacheeExplanation {
  readonly coacheeId: string;
  readonly coacheeName: string;
  readonly coachId: string | null;
  readonly coachName: string | null;
  /** Sum of the chosen pair's terms (0 when unmatched). */
  readonly score: number;
  /** The chosen pair's difference; null when unmatched or when no identity attribute is known for both. */
  readonly difference: number | null;
  /** The coachee's priority factor on the objective. */
  readonly multiplier: number;
  readonly terms: readonly TermValue[];
  /** The k cheapest alternatives by exact loss, then any ranked preference not among them. */
  readonly alternatives: readonly Alternative[];
}

/** The result of {@link explainMatching}. */
export type Explanation =
  | {
      readonly status: 'optimal';
      readonly preset: string;
      readonly objective: number;
      /** Re-solves run to confirm losses (the dual bounds let the search skip the rest). */
      readonly resolves: number;
      readonly coachees: readonly CoacheeExplanation[];
    }
  | {
      readonly status: 'infeasible';
      readonly preset: string;
      readonly objective: null;
      readonly resolves: 0;
      readonly coachees: readonly [];
    };
