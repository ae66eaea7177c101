import type { Diagnosis } from '../solver/types.js';
import type { QuotaInstance, QuotaInstanceOutcome, QuotaReport } from './sideConstraint.js';

/** The outcome of {@link solveWithSideConstraints}. */
export type ConstrainedResult =
  | {
      readonly status: 'optimal';
      /** `assignment[i]` is the column of row i, or null when unmatched. */
      readonly assignment: readonly (number | null)[];
      readonly loads: readonly number[];
      readonly matched: number;
      /** Sum of the chosen weights. */
      readonly objective: number;
      /** One entry per quota, in the order given. */
      readonly quotas: readonly QuotaReport[];
      /** Every quota instance with its count. */
      readonly instances: readonly QuotaInstanceOutcome[];
    }
  | {
      readonly status: 'infeasible';
      /** `problem`: infeasible even without quotas (see `diagnosis`); `quotas`: the quotas clash. */
      readonly cause: 'problem' | 'quotas';
      /** For `problem`: the solver's diagnosis. */
      readonly diagnosis: readonly Diagnosis[];
      /**
       * For `quotas`: an irreducible set of quota instances that cannot all be met together
       * (drop any one and the rest can). A single instance means it cannot be met at all.
       */
      readonly conflict: readonly QuotaInstance[];
      readonly message: string;
    };
