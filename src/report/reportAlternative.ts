/**
 * What stands between a coachee and an alternative coach, in the shape the explain feature
 * produces (a ban with its reason, a full coach and who holds the places, the terms on which
 * the fit is worse). Only the fields the report prints are required.
 */
export type ReportObstacle =
  | { readonly kind: 'ban'; readonly reason: string }
  | { readonly kind: 'full'; readonly heldBy: readonly string[] }
  | { readonly kind: 'worseFit'; readonly terms: readonly { readonly label: string; readonly delta: number }[] };

/** A coach the coachee did not get, and why ("why not the alternatives"). */
export interface ReportAlternative {
  readonly coachId: string;
  readonly coachName: string;
  /** The pair's score (sum of its terms). */
  readonly score: number;
  /** False when a ban forbids the pair. */
  readonly allowed?: boolean;
  /** Drop of the total objective if the pair were forced; null when it cannot be forced. */
  readonly loss?: number | null;
  /** 1-based rank in the coachee's preferences, when ranked. */
  readonly preferenceRank?: number | null;
  /** The pair's difference; null when no identity attribute is known for both (said, not printed as 0). */
  readonly difference?: number | null;
  readonly obstacles?: readonly ReportObstacle[];
}

/**
 * A coachee's alternatives. A list of these is what `renderHtml` takes in
 * `options.alternatives`; the explain feature's per-coachee explanations have this shape, so
 * they can be passed as they are.
 */
export interface CoacheeAlternatives {
  readonly coacheeId: string;
  readonly alternatives: readonly ReportAlternative[];
}
