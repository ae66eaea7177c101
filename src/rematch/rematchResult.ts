import type { Matching } from '../engine/matching.js';

/**
 * Why a coachee's coach changed in a re-match. `gain` is always the coachee's own score gain
 * (the new coach's score minus the current one's, continuity left out); it may be negative.
 */
export type MoveReason =
  | { readonly kind: 'coachDroppedOut'; readonly coachId: string }
  /** The current coach is inactive in the cohort itself (not a drop-out of this request): the coachee had to move. */
  | { readonly kind: 'coachInactive'; readonly coachId: string }
  | { readonly kind: 'exitGranted'; readonly gain: number }
  /** The current pair is no longer allowed (a ban, an `avoid`, a rule): the coachee had to move. */
  | { readonly kind: 'pairNotAllowed'; readonly coachId: string }
  /**
   * The coach now has fewer places (`capacity`) than the current coachees who would stay with it
   * (`currentCoachees`: no granted exit, pair still allowed), and no more of them moved than had
   * to: each had to. When more moved, none provably had to, and each says its own reason.
   */
  | { readonly kind: 'coachOverCapacity'; readonly coachId: string; readonly capacity: number; readonly currentCoachees: number }
  /**
   * The move is worth more than the change price on its own: `weightedGain`, the difference of
   * the pair weights the re-match compares with the price (the coachee's priority and the
   * continuity of the current pair counted), is above it. `gain` alone may be below the price.
   */
  | { readonly kind: 'betterFit'; readonly gain: number; readonly weightedGain: number }
  /**
   * The move freed a place taken by `forCoachees` (never empty), each of whom had to move (coach
   * dropped out or over capacity, pair no longer allowed, exit granted): all such takers at the
   * coach moved from. Each took one place, and needed one freed only when the coach had no free
   * place left for it, so no more of the coach's movers say `madeRoom` than there are such takers
   * less the coach's free places after the re-match (`capacity` − load): those whose own move was
   * worth least (`weightedGain`, then the cohort's order); the others off the coach say
   * `minLoadFilled` or `rearranged`.
   */
  | { readonly kind: 'madeRoom'; readonly gain: number; readonly forCoachees: readonly string[] }
  /**
   * The move, worth no more than the change price on its own (`weightedGain`, as for
   * `betterFit`) and making no room, keeps the new coach `coachId` at its minimum load `minLoad`:
   * after the re-match the coach holds no more than `minLoad` coachees, so without this one it
   * would hold fewer.
   */
  | { readonly kind: 'minLoadFilled'; readonly gain: number; readonly weightedGain: number; readonly coachId: string; readonly minLoad: number }
  /**
   * None of the above: the coachee moved within the re-arrangement with the best total, its own
   * move worth no more than the change price (`weightedGain`, as for `betterFit`). Its place went
   * to `placeTakenBy` (coachees who moved for a better fit or in turn, or newcomers; empty: to nobody).
   * Takers at the coach who had to move are not listed: movers off it saying `madeRoom` name them,
   * when the coach's free places (see `madeRoom`) did not already hold them.
   */
  | { readonly kind: 'rearranged'; readonly gain: number; readonly weightedGain: number; readonly placeTakenBy: readonly string[] }
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
   * is would leave someone without a place (the coachee, or others: fewer placed; with every
   * coachee to be placed, no re-match at all). `lowersTotal`: everyone would keep a place, but
   * the others would lose more than the coachee gains: the best re-match that grants the exit has
   * a total (every other current pair's keep bonus included; the pair the coachee asked to leave
   * counts without its keep bonus and continuity) no higher than the best that does not, which
   * keeps the pair or, when others weigh more, leaves the coachee without a place. A tie
   * counts: the solver's deterministic tie-break may refuse an exit that an equally good re-match
   * grants. `cohortInfeasible` (status `infeasible` only): the re-match is infeasible even with
   * every exit refused, so the exit is not what lacks a place (see the diagnosis); it was not
   * granted because there is no re-match. A refused exit is then a current pair like any other.
   */
  readonly reason: 'belowMargin' | 'noPlace' | 'lowersTotal' | 'cohortInfeasible';
  /**
   * The coachee's own score gain (continuity left out; may be negative) at `bestCoachId` over the
   * current coach. `belowMargin`: the coach with the best score for the coachee, null when there
   * is none. `lowersTotal` (never null): the coach the best re-match that grants the exit gives
   * the coachee (the exits granted when it was refused held; a tie goes to the solver's order),
   * the coach "the exit could have had"; what granting it would cost the others is not given.
   * `noPlace`, `cohortInfeasible`: always null (no re-match granting it keeps every place).
   */
  readonly bestGain: number | null;
  readonly bestCoachId: string | null;
}

/**
 * An exit request whose current coach is gone anyway: dropped out in this request
 * (`coachDroppedOut`) or inactive in the cohort (`coachInactive`). The coachee leaves the coach
 * whatever is decided, so the request is neither granted nor refused: the coachee is re-placed
 * like the coach's other coachees, with any coach (no exit margin applies) or none, and its
 * move (see `moves`) gives the same reason. When the re-match is `infeasible` there are no
 * moves: the exit is still listed here, and the coachee is not re-placed.
 */
export interface MootExit {
  readonly coacheeId: string;
  readonly coachId: string;
  readonly reason: 'coachDroppedOut' | 'coachInactive';
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
      /** Empty when `infeasible`, as are `newlyPlaced`, `kept` and `changed` (0): there is no new matching. */
      readonly moves: readonly Move[];
      /** Coachees without a current coach who now have one. */
      readonly newlyPlaced: readonly string[];
      readonly grantedExits: readonly string[];
      readonly refusedExits: readonly RefusedExit[];
      /** Exit requests from a coach who is gone anyway, in the cohort's order: each request is in exactly one of `grantedExits`, `refusedExits` and this. */
      readonly mootExits: readonly MootExit[];
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
