/** How a large cohort was matched on candidate pairs, and whether that is the full optimum. */
export interface CandidateReport {
  /** Candidates chosen per coachee by fit (before favoured and added pairs); every coach when matched by kinds. */
  readonly k: number;
  /** Solves run; each after the first follows pairs the certificate added. */
  readonly rounds: number;
  /** Candidate pairs in the final solve, of rows × cols. */
  readonly pairs: number;
  readonly allPairs: number;
  /**
   * True when the matching is proven optimal for the full problem: as many coachees placed
   * as the full problem allows, and no pair left out could improve the total (its bound, or
   * its exact weight, is covered by the solve's duals).
   */
  readonly certified: boolean;
  /** Pairs outside the candidates cleared by their bound in the final certificate. */
  readonly clearedByBound: number;
  /** Pairs outside the candidates whose exact weight was computed to clear them. */
  readonly clearedExactly: number;
  /** Pairs added after each round: those its certificate found able to improve the total with the near pairs kept beside them (see NEAR_SHARE), or those joined to place more coachees. */
  readonly addedPerRound: readonly number[];
  /**
   * When not certified but as many coachees are placed as the full problem allows: how much
   * higher the optimum total can at most be (from the last certificate's duals); else null.
   */
  readonly gap: number | null;
  /** What the certificate concluded, in words. */
  readonly note: string;
  /**
   * Present when the coachees came in few kinds of exact twins (alike at every coach) and were
   * matched by kind: how many kinds. Each kind was weighed against every coach, and those
   * pairs (`pairs`) solved exactly stand for every pair of the full problem.
   */
  readonly kinds?: number;
  /**
   * Present when the kinds were of coachees alike in their own records, some with relations
   * or wishes of their own (see matchOnNearKinds): how many coachees were solved one by one,
   * for a preferred or current coach worth more to them than to their kind.
   */
  readonly lone?: number;
}

/** A count as the notes write it: digits grouped by thousands (3,287,526). */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
