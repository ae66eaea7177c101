import type { Diagnosis } from '../solver/types.js';
import type { QuotaBackend } from './quotaBackend.js';
import type { QuotaInstance, QuotaInstanceOutcome, QuotaReport } from './sideConstraint.js';

/** An assignment that keeps every constraint and quota (checked), with its quota counts. */
export interface ConstrainedAssignment {
  /** `assignment[i]` is the column of row i, or null when unmatched. */
  readonly assignment: readonly (number | null)[];
  readonly loads: readonly number[];
  readonly matched: number;
  /** Sum of the chosen weights, recomputed from the problem. */
  readonly objective: number;
  /** One entry per quota, in the order given. */
  readonly quotas: readonly QuotaReport[];
  /** Every quota instance with its count, by constraint name, then row or column. */
  readonly instances: readonly QuotaInstanceOutcome[];
  readonly backend: QuotaBackend['name'];
}

/**
 * The outcome of {@link solveWithSideConstraints}:
 * - `optimal`: the backend proved every stage optimal (no gap) and the answer was checked;
 * - `feasible`: a checked answer that meets every quota, but a solve hit the time limit, so it
 *   is not proved best (nor, with unplaced rows, proved to place the most rows);
 * - `unknown`: the time limit passed before any answer was found;
 * - `infeasible`: proved impossible, with the cause.
 */
export type ConstrainedResult =
  | ({ readonly status: 'optimal' } & ConstrainedAssignment)
  | ({ readonly status: 'feasible'; readonly reason: 'timeLimit' } & ConstrainedAssignment)
  | { readonly status: 'unknown'; readonly reason: 'timeLimit'; readonly message: string; readonly backend: QuotaBackend['name'] }
  | {
      readonly status: 'infeasible';
      /** `problem`: infeasible even without quotas (see `diagnosis`); `quotas`: the quotas clash. */
      readonly cause: 'problem' | 'quotas';
      /** For `problem`: the solver's diagnosis. */
      readonly diagnosis: readonly Diagnosis[];
      /**
       * For `quotas`: a set of quota instances that cannot all be met together; irreducible
       * (drop any one and the rest can) unless `irreducible` is false. A single instance
       * means it cannot be met at all.
       */
      readonly conflict: readonly QuotaInstance[];
      readonly irreducible: boolean;
      readonly message: string;
      readonly backend: QuotaBackend['name'];
    };
