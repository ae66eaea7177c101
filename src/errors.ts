/** What went wrong, as a stable tag tests and callers can branch on. */
export type CoachmatchErrorKind =
  | 'invalidProblem'
  | 'invalidCohort'
  | 'invalidScenario'
  | 'invalidArgument'
  | 'internal';

/** One problem in an input, located by a JSON path such as `$.weights[3][7]`. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The one error class of the library. Expected outcomes (an infeasible problem) are values;
 * this is thrown only for bad input or broken invariants.
 *
 * @example
 * ```ts
 * try { solveAssignment({ weights: [[1, 2], [3]] }); }
 * catch (e) { if (isErrorOfKind(e, 'invalidProblem')) console.error(e.issues); }
 * ```
 */
export class CoachmatchError extends Error {
  override readonly name = 'CoachmatchError';
  /** How many problems there are: `issues` may list only the first of many (see parseCohort). */
  readonly issueCount: number;

  /**
   * @param summary - what went wrong, without the issues; `message` is it followed by one line
   * per issue. Kept so that whoever re-labels or forwards the issues need not cut them off again.
   */
  constructor(
    readonly kind: CoachmatchErrorKind,
    readonly summary: string,
    readonly issues: readonly InputIssue[] = [],
    issueCount = issues.length,
  ) {
    super(issues.length === 0 ? summary : `${summary}\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.issueCount = issueCount;
  }
}

/** True when `error` is a {@link CoachmatchError} of the given kind. */
export function isErrorOfKind(error: unknown, kind: CoachmatchErrorKind): error is CoachmatchError {
  return error instanceof CoachmatchError && error.kind === kind;
}
