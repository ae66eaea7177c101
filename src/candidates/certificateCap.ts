/** Suspects per row a partial certificate evaluates, per violator it keeps per row. */
export const SUSPECTS_PER_KEPT = 4;

/**
 * Violations a row, on average, below which a certificate leaves the next round's one full
 * from the start. A partial one then finds few violations and a full one follows at once
 * anyway (see FEW_VIOLATIONS_PER_ROW in matchOnCandidates.ts), so the partial pass is spent for
 * nothing: on bench/LARGE.md's 100k case, whose first certificate found 10,557 violations
 * (0.11 a row), the second round's certificate took 1.28 / 1.16 s full from the start against
 * 1.95 / 1.58 s partial then full (alternated). 40k-scarce (0.24 a row before) and 40k-tight
 * (0.10) skip such a pass too; every bench case keeps its rounds and pairs.
 */
export const FULL_AFTER_PER_ROW = 0.5;

/** Where the candidate loop stands when it certifies a solve. */
export interface CertificateRound {
  /** Solves so far, this one included, and the most allowed. */
  readonly solves: number;
  readonly maxRounds: number;
  /** Whether an earlier certificate was full (then every later one is: with the rows' slack remembered it costs about what a partial one does). */
  readonly fullSince: boolean;
  /** Violations the last certificate found (Infinity before the first). */
  readonly lastViolations: number;
  readonly rows: number;
  readonly keptPerRow: number;
}

/**
 * Suspects per row the round's certificate may evaluate, or Infinity for a full one. A
 * certificate that will surely find violations need not evaluate every suspect: at most
 * {@link SUSPECTS_PER_KEPT} per violator it keeps, the likeliest (partial pricing). The last
 * round's is full, so that a result out of rounds still states its gap.
 */
export function certificateCap(round: CertificateRound): number {
  const full = round.solves >= round.maxRounds || round.fullSince || round.lastViolations < FULL_AFTER_PER_ROW * round.rows;
  return full ? Infinity : SUSPECTS_PER_KEPT * round.keptPerRow;
}
