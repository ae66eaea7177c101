export { solveAssignment, defaultSolveOptions } from './solver/solveAssignment.js';
export type {
  AssignmentProblem,
  AssignmentResult,
  Diagnosis,
  Duals,
  Sense,
  SolveOptions,
  SolverMethod,
} from './solver/types.js';
export { CoachmatchError, isErrorOfKind } from './errors.js';
export type { CoachmatchErrorKind, InputIssue } from './errors.js';
