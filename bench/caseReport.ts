import type { CaseKind } from './benchCase.js';

/** What happened to one implementation on one case. */
export interface ImplementationReport {
  readonly name: string;
  readonly ours: boolean;
  /**
   * `timed`: checked, then timed. `wrong`: answered, but the answer failed a check (not
   * timed). `failed`: threw. `skipped`: not run (see `note`).
   */
  readonly outcome: 'timed' | 'wrong' | 'failed' | 'skipped';
  readonly note: string;
  readonly objective?: number;
  readonly checkRunMs?: number;
  readonly medianMs?: number;
  readonly meanMs?: number;
  readonly minMs?: number;
  readonly samples?: number;
}

/** Peak memory of one solve of a sparse case, measured in a child process of its own. */
export interface MemoryReport {
  readonly peakRssBytes: number;
  /** RSS once the case's input exists, before the solve: the part the input accounts for. */
  readonly rssBeforeSolveBytes: number;
  readonly solveMs: number;
  /** The child's objective equals the main run's reference objective. */
  readonly objectiveAgrees: boolean;
}

/** Everything the results table says about one case. */
export interface CaseReport {
  readonly name: string;
  readonly description: string;
  readonly kind: CaseKind;
  readonly suite: 'generated' | 'orlib';
  /** The verified optimum every answer is compared with; null if `ours auto` itself failed. */
  readonly referenceObjective: number | null;
  /** How the reference was established (certificate, cross-check, published optimum). */
  readonly evidence: readonly string[];
  readonly implementations: readonly ImplementationReport[];
  memory?: MemoryReport | { readonly error: string };
}
