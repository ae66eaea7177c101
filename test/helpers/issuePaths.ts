import { expect } from 'vitest';
import { CoachmatchError, isErrorOfKind, type CoachmatchErrorKind, type InputIssue } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';

/** The CoachmatchError of `kind` that `run` throws (fails the test when it throws none, or another). */
export function thrownError(run: () => unknown, kind: CoachmatchErrorKind): CoachmatchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CoachmatchError);
    expect((error as CoachmatchError).kind).toBe(kind);
    return error as CoachmatchError;
  }
  throw new Error(`expected a ${kind} error`);
}

/** The JSON paths of the CoachmatchError of `kind` that `run` throws (fails the test when it throws none, or another). */
export function thrownIssuePaths(run: () => unknown, kind: CoachmatchErrorKind): string[] {
  return thrownError(run, kind).issues.map((i) => i.path);
}

/** The JSON paths of the `invalidProblem` error that solving `problem` throws. */
export function issuePaths(problem: unknown): string[] {
  return thrownIssuePaths(() => solveAssignment(problem as AssignmentProblem), 'invalidProblem');
}

/**
 * The kind and the JSON paths of the CoachmatchError that `run` throws: anything else it throws
 * is rethrown, and throwing nothing fails the test.
 */
export function thrownKindAndPaths(run: () => unknown): { kind: CoachmatchErrorKind; paths: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CoachmatchError)) throw error;
    return { kind: error.kind, paths: error.issues.map((i) => i.path) };
  }
  throw new Error('expected a CoachmatchError');
}

/** The issues parseCohort finds in `doc`: none when it accepts it (anything but invalidCohort is rethrown). */
export function cohortIssues(doc: unknown): readonly InputIssue[] {
  try {
    parseCohort(doc);
    return [];
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidCohort')) throw error;
    return error.issues;
  }
}
