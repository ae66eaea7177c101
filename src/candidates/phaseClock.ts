/**
 * One stretch of a candidate match and how long it took (see `CandidateSettings.onPhase`).
 * The phases of a match follow each other without gaps, so their times add up to the match's.
 */
export interface CandidatePhase {
  /**
   * - `context`: features, policies and pair bounds of the whole cohort (a helper thread is
   *   started first);
   * - `selection`: each coachee's first candidates;
   * - `prepare`: a round's pairs, their weights and placement checks, and any widening that
   *   needed no solve;
   * - `solve`: the exact solve of the round's pairs;
   * - `certificate`: the check of the pairs left out against the solve's duals;
   * - `finish`: the explained matching and its KPIs.
   *
   * A match by kinds (see matchOnKinds) reports `context` (features, policies and each kind's
   * pairs with every coach), one `solve` and `finish`.
   */
  readonly name: 'context' | 'selection' | 'prepare' | 'solve' | 'certificate' | 'finish';
  /** The solve a phase belongs to: 0 for context and selection, 1 for the first round's, the last solve's for finish. */
  readonly round: number;
  /** Wall time since the previous phase ended (since the match started, for the first). */
  readonly ms: number;
}

/** Hands consecutive phases to a listener; reads no clock when there is none. */
export class PhaseClock {
  private last: number;

  constructor(private readonly listener?: (phase: CandidatePhase) => void) {
    this.last = listener === undefined ? 0 : performance.now();
  }

  /** Ends a phase here. */
  lap(name: CandidatePhase['name'], round: number): void {
    if (this.listener === undefined) return;
    const now = performance.now();
    const ms = now - this.last;
    this.last = now;
    this.listener({ name, round, ms });
  }
}
