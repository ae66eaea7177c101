import type { CandidateHelper } from './candidateHelper.js';
import { joinVerdicts, RangeCertifier, type Certifier, type CertificateVerdict } from './certifier.js';
import type { DualValues } from './certifyCandidates.js';
import type { PairBounds } from './pairBounds.js';
import type { ExactWeights } from './selectCandidates.js';
import type { TopBounds } from './topBounds.js';

/**
 * Certificates split between this thread (rows before `split`) and the helper, which keeps
 * the lists and memory of the rows it selected (`split` on). Should the helper stall, its
 * rows are certified here from then on, without its lists; after a wider selection, which
 * lists every row anew, everything is certified here.
 */
export class SharedCertifier implements Certifier {
  private helper: CandidateHelper | null;
  private readonly own: RangeCertifier;
  private theirs: RangeCertifier | null = null;
  private whole: RangeCertifier | null = null;

  constructor(
    private readonly bounds: PairBounds,
    private readonly exactWeights: ExactWeights,
    helper: CandidateHelper,
    /** This thread's lists, of rows 0 … split − 1. */
    ownTop: TopBounds,
    private readonly split: number,
  ) {
    this.helper = helper;
    this.own = new RangeCertifier(bounds, exactWeights, ownTop);
  }

  check(candidates: readonly Int32Array[], duals: DualValues, capPerRow: number, keptPerRow: number): CertificateVerdict {
    if (this.whole !== null) return this.whole.check(candidates, duals, capPerRow, keptPerRow);
    const { split } = this;
    const rowDual = Float64Array.from(duals.row);
    const later = candidates.slice(split);
    if (this.helper !== null && !this.helper.alive) this.helper = null;
    // Copies travel (their buffers move to the helper); views serve this thread.
    if (this.helper !== null) this.helper.requestCertificate(later, rowDual.slice(split), Float64Array.from(duals.col), capPerRow, keptPerRow);
    const first = this.own.check(candidates.slice(0, split), { row: rowDual.subarray(0, split), col: duals.col }, capPerRow, keptPerRow);
    let verdict = this.helper?.certificate() ?? null;
    if (verdict === null) {
      // No helper, or it stalled (it is stopped then): its rows are certified here.
      this.helper = null;
      this.theirs ??= new RangeCertifier(this.bounds, this.exactWeights, null, split);
      verdict = this.theirs.check(later, { row: rowDual.subarray(split), col: duals.col }, capPerRow, keptPerRow);
    }
    return joinVerdicts(first, verdict, split);
  }

  replaceTop(top: TopBounds | null): void {
    this.helper?.close();
    this.helper = null;
    this.whole = new RangeCertifier(this.bounds, this.exactWeights, top);
  }
}
