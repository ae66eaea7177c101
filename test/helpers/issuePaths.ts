import { expect } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';

/** The JSON paths of the `invalidProblem` error that solving `problem` throws. */
export function issuePaths(problem: unknown): string[] {
  try {
    solveAssignment(problem as AssignmentProblem);
  } catch (error) {
    expect(error).toBeInstanceOf(CoachmatchError);
    expect((error as CoachmatchError).kind).toBe('invalidProblem');
    return (error as CoachmatchError).issues.map((i) => i.path);
  }
  throw new Error('expected solveAssignment to reject the problem');
}
