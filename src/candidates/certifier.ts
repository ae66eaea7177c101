import { certifyCandidates, sumInOrder, type CertificateMemory, type CertificateOutcome, type DualValues, type KnownWeights } from './certifyCandidates.js';
import type { PairBounds } from './pairBounds.js';
import type { ExactWeights } from './selectCandidates.js';
import type { TopBounds } from './topBounds.js';

/** What the candidate loop needs of a certificate (see {@link CertificateOutcome}). */
export type CertificateVerdict = Pick<CertificateOutcome, 'violators' | 'violations' | 'unverified' | 'clearedByBound' | 'clearedExactly' | 'gap' | 'gapTerms'>;

/** Certificates of one candidate matching, round after round, each reusing what the last learnt. */
export interface Certifier {
  /**
   * Checks every pair outside `candidates` against the duals. Under a finite `capPerRow`,
   * rows are checked on their lists alone and at most that many suspects a row are evaluated
   * (partial pricing: the verdict then cannot certify). Each row keeps its `keptPerRow` most
   * violating pairs. `onRows` hears of every few rows done (a helper thread's heartbeat).
   */
  check(candidates: readonly Int32Array[], duals: DualValues, capPerRow: number, keptPerRow: number, onRows?: () => void): CertificateVerdict;
  /** New lists of highest bounds (after a wider selection), for the rows this certifier checks. */
  replaceTop(top: TopBounds | null): void;
}

/**
 * The candidate loop's CertifyOptions.nearShare. A solve's duals move when violators join, and
 * pairs that were just short of violating then often violate: the 100,000 × 10,000 bench
 * cohort's fourth solve followed one such pair (slack 2e-4 under the second solve's duals).
 * Joined with the violators, they save that round: 3 solves instead of 4 (13,743 and 186
 * pairs added, against 10,369, 60 and 1); in bench/LARGE.md 40k-tight also takes 5 instead of
 * 6 and 40k-scarce 3 instead of 4. A first version also weighed every pair whose bound came
 * within the share (3 solves at 100k and 5 at 40k-tight too), but cohorts recording only a gender and a sector
 * (20,000 × 3,000, 15 kinds of coachee) paid for it: 11.5–13.1 s against 7.2–8.0 s with places to spare, 20.0–25.8 s against 18.6–24.1 s
 * short of them, the same pairs added. Weighing only the nearest columns and skipping ties,
 * those took 19.2 / 20.6 s against 19.4 / 19.9 s; bench/LARGE.md's large-20k-fewkinds (the
 * same shape, preferences kept) 38.7 / 35.9 s against 34.1 / 35.3 s, its pairs and solves
 * unchanged: near pairs may still cost such cohorts a little.
 */
export const NEAR_SHARE = 1e-3;

/**
 * The certificates of rows `offset` … `offset + rows − 1`: its candidates and row duals are
 * given for those rows alone; the exact weights of the first certificate's suspects and the
 * last certificate's memory are kept here.
 */
export class RangeCertifier implements Certifier {
  private known: KnownWeights | null = null;
  private memory: CertificateMemory | null = null;

  constructor(
    private readonly bounds: PairBounds,
    private readonly exactWeights: ExactWeights,
    private top: TopBounds | null,
    private readonly offset = 0,
  ) {}

  check(candidates: readonly Int32Array[], duals: DualValues, capPerRow: number, keptPerRow: number, onRows?: () => void): CertificateVerdict {
    const { known, memory, top, offset } = this;
    const outcome = certifyCandidates(this.bounds, candidates, duals, this.exactWeights, { known, remember: known === null, before: memory, capPerRow, top, listsOnly: capPerRow < Infinity, offset, keptPerRow, nearShare: NEAR_SHARE, ...(onRows === undefined ? {} : { onRows }) });
    this.known ??= outcome.known;
    this.memory = outcome.memory;
    return outcome;
  }

  replaceTop(top: TopBounds | null): void {
    this.top = top;
  }
}

/** Two verdicts of consecutive row ranges as one; `later`'s rows move down by `shift`. */
export function joinVerdicts(first: CertificateVerdict, later: CertificateVerdict, shift: number): CertificateVerdict {
  const violators = new Map(first.violators);
  for (const [row, cols] of later.violators) violators.set(row + shift, cols);
  const gapTerms = new Float64Array(first.gapTerms.length + later.gapTerms.length);
  gapTerms.set(first.gapTerms);
  gapTerms.set(later.gapTerms, first.gapTerms.length);
  return {
    violators,
    violations: first.violations + later.violations,
    unverified: first.unverified + later.unverified,
    clearedByBound: first.clearedByBound + later.clearedByBound,
    clearedExactly: first.clearedExactly + later.clearedExactly,
    gap: first.gap === null || later.gap === null ? null : sumInOrder(gapTerms),
    gapTerms,
  };
}
