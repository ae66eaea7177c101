import type { QuotaBackend } from '../constraints/quotaBackend.js';
import { solveWithSideConstraints } from '../constraints/solveWithSideConstraints.js';
import { CoachmatchError } from '../errors.js';
import { coacheeType } from '../policies/coacheeType.js';
import type { AssignmentProblem, AssignmentResult } from '../solver/types.js';
import { assembleMatching } from './assembleMatching.js';
import type { PreparedMatch } from './match.js';
import type { Matching } from './matching.js';
import { quotaPolicyConstraints } from './quotaPolicyConstraints.js';
import { quotaPolicyReport, type QuotaPolicyReport } from './quotaPolicyReport.js';

/** A matching made under the cohort's quotas: the usual matching plus what the quotas did. */
export type MatchingWithQuotas = Matching & { readonly quotaReport: QuotaPolicyReport };

/**
 * Matches a prepared cohort under its `policy.quotas`: the quotas become side constraints,
 * the problem is solved as a 0/1 program on `backend` (most coachees placed, then the best
 * total, every answer checked), and the matching gains a {@link QuotaPolicyReport}. When the
 * quotas clash the matching is infeasible and its diagnosis names the clashing quotas.
 *
 * @remarks Duals are not meaningful under quotas (all 0); `method` is `lp`.
 * @throws CoachmatchError `invalidCohort` for a quota that does not fit the cohort.
 */
export function quotaPolicySolve(prepared: PreparedMatch, problem: AssignmentProblem, backend: QuotaBackend, flagCodes?: ReadonlySet<string>): MatchingWithQuotas {
  const { features, combined, settings } = prepared;
  const translated = quotaPolicyConstraints(prepared, flagCodes);
  const result = solveWithSideConstraints(problem, translated.flatMap((t) => t.constraints), { backend });
  const coacheeTypes = Array.from(features.insiderness, (v) => coacheeType(v, settings));
  const quotaReport = quotaPolicyReport({ features, combined, translated, result, coacheeTypes });
  const { rows, cols } = combined;
  if (result.status === 'optimal') {
    const solved: AssignmentResult = {
      status: 'optimal',
      method: 'lp',
      objective: result.objective,
      assignment: result.assignment,
      loads: result.loads,
      matched: result.matched,
      duals: { row: new Array<number>(rows).fill(0), col: new Array<number>(cols).fill(0) },
    };
    return { ...assembleMatching({ ...prepared, result: solved, underQuotas: true }), quotaReport };
  }
  if (result.status !== 'infeasible') throw new CoachmatchError('internal', `a quota solve without a time limit ended ${result.status}`);
  const failed: AssignmentResult = {
    status: 'infeasible',
    method: 'lp',
    objective: null,
    assignment: new Array<null>(rows).fill(null),
    loads: new Array<number>(cols).fill(0),
    matched: 0,
    duals: null,
    diagnosis: result.diagnosis,
  };
  const matching = assembleMatching({ ...prepared, result: failed });
  return { ...matching, diagnosis: result.cause === 'quotas' ? [quotaReport.message] : matching.diagnosis, quotaReport };
}
