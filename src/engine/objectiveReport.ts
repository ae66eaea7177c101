/**
 * What a non-default objective adds to a matching: what it achieved and what it cost against
 * the plain optimum (`total`). Scores are unweighted utilities as in the coachee entries;
 * totals are the solver's priority-weighted objective.
 */
export type ObjectiveReport =
  | {
      readonly objective: 'fair';
      /** The worst matched coachee's score: the best achievable. */
      readonly worstScore: number | null;
      /** The worst matched coachee's score in the plain optimum. */
      readonly optimumWorstScore: number | null;
      /** Null when no matching exists (as the matching's objective), like the stable report's. */
      readonly total: number | null;
      readonly optimumTotal: number | null;
      /** Total given up for the worst-off coachee: optimumTotal − total (≥ 0), null when either is missing. */
      readonly priceOfFairness: number | null;
    }
  | {
      readonly objective: 'stable';
      /** Always `coachee`: coachees propose and get their best stable matching. */
      readonly optimalFor: 'coachee';
      /** Pairs who both prefer each other to their match (by ids); empty for a stable matching. */
      readonly blockingPairs: readonly { readonly coacheeId: string; readonly coachId: string }[];
      readonly total: number | null;
      readonly optimumTotal: number | null;
      /** Coachees the stable matching places, and the best-total matching (null when either is missing). */
      readonly matched: number | null;
      readonly optimumMatched: number | null;
      /**
       * Total given up for stability: optimumTotal − total, null when either is missing. The
       * best-total matching places the most coachees first, so when it places more than the stable
       * one its total may be the lower and this price negative: stability then costs places, not
       * total.
       */
      readonly priceOfStability: number | null;
    };

/**
 * How many coachees the best-total matching places when that is more than the stable one does
 * (its total may then be the lower), else null: the unmatched reasons and the summary both say so.
 */
export function placedMoreByOptimum(report: { readonly matched: number | null; readonly optimumMatched: number | null }): number | null {
  const { matched, optimumMatched } = report;
  return matched !== null && optimumMatched !== null && optimumMatched > matched ? optimumMatched : null;
}
