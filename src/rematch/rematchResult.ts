import type { Matching } from '../engine/matching.js';

/** Why a coachee's coach changed in a re-match. */
export type MoveReason =
  | { readonly kind: 'coachDroppedOut'; readonly coachId: string }
  | { readonly kind: 'exitGranted'; readonly gain: number }
  /** The coachee's own fit improved by more than the change price. */
  | { readonly kind: 'betterFit'; readonly gain: number }
  /** The move freed a place that someone who had to move took; `gain` may be negative. */
  | { readonly kind: 'madeRoom'; readonly gain: number; readonly forCoachees: readonly string[] }
  | { readonly kind: 'lostPlace' };

/** A coachee whose current pair was not kept. */
export interface Move {
  readonly coacheeId: string;
  readonly coacheeName: string;
  readonly from: string;
  readonly to: string | null;
  readonly reason: MoveReason;
}

/** An exit request that was not granted, and why. */
export interface RefusedExit {
  readonly coacheeId: string;
  readonly coachId: string;
  /**
   * `belowMargin`: no coach is better by the margin. `noPlace`: placing the coachee with one that
   * is would leave others without a place or not raise the re-match's total (keep bonuses
   * included). Not "no place at all": when placing them ties, the solver's deterministic
   * tie-break may refuse the exit although an equally good re-match grants it.
   */
  readonly reason: 'belowMargin' | 'noPlace';
  /** The best alternative's score gain over the current coach (continuity term left out); null when there is none. */
  readonly bestGain: number | null;
  readonly bestCoachId: string | null;
}

/** Several exits from one coach: the problem may be the coach, not the match. */
export interface ExitCluster {
  readonly coachId: string;
  readonly coacheeIds: readonly string[];
  readonly message: string;
}

/** The result of {@link rematch}. */
export type RematchResult =
  | {
      readonly status: 'optimal' | 'infeasible';
      /** The new matching; its objective excludes the keep bonuses. */
      readonly matching: Matching;
      readonly moves: readonly Move[];
      /** Coachees without a current coach who now have one. */
      readonly newlyPlaced: readonly string[];
      readonly grantedExits: readonly string[];
      readonly refusedExits: readonly RefusedExit[];
      readonly exitClusters: readonly ExitCluster[];
      /** Current pairs kept / changed (a coach drop-out counts as a change). */
      readonly kept: number;
      readonly changed: number;
      readonly diagnosis: readonly string[];
    }
  | {
      readonly status: 'pinConflict';
      readonly diagnosis: readonly string[];
      readonly exitClusters: readonly ExitCluster[];
    };
