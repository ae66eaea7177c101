import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../../src/solver/types.js';
import { bruteForce } from './bruteForce.js';
import { closeObjectives, resultDefects } from './resultDefects.js';
import { shapeOf } from './problemArbitrary.js';

/** Which independent answers {@link crossCheckProblem} compared, for counting. */
export interface CrossCheckReport {
  /** Every disagreement or defect, in words (empty: all methods agree). */
  readonly disagreements: string[];
  readonly status: 'optimal' | 'infeasible' | 'error';
  readonly methods: readonly string[];
}

/** True when `jv` accepts the problem: dense, square, capacity 1, no minimum loads, all rows placed. */
export function jvAccepts(problem: AssignmentProblem): boolean {
  const { rows, cols } = shapeOf(problem);
  return (
    problem.weights !== undefined &&
    rows === cols &&
    (problem.capacity ?? []).every((c) => c === 1) &&
    (problem.minLoad ?? []).every((m) => m === 0) &&
    problem.allowUnmatched !== true
  );
}

/** Brute force is exact but exponential: only for about ≤ 7 rows and ≤ 4 columns. */
export function bruteForceFits(problem: AssignmentProblem): boolean {
  const { rows, cols } = shapeOf(problem);
  return (cols + 1) ** rows <= 100_000;
}

/**
 * Solves a valid problem with every independent method that accepts it (`flow`, `lp`, `jv`
 * on square one-to-one problems, `auto`, and brute force on tiny ones) and lists every
 * disagreement in status, number of placed rows or objective, and every defect of a result
 * (see {@link resultDefects}). A method that throws on a valid problem is a disagreement too.
 * Independent of vitest, so the soak script can use it.
 */
export function crossCheckProblem(problem: AssignmentProblem): CrossCheckReport {
  const methods: SolverMethod[] = jvAccepts(problem) ? ['flow', 'lp', 'jv', 'auto'] : ['flow', 'lp', 'auto'];
  const disagreements: string[] = [];
  const answers: { name: string; status: string; matched: number; objective: number | null }[] = [];
  for (const method of methods) {
    let result: AssignmentResult;
    try {
      result = solveAssignment(problem, { method });
    } catch (error) {
      disagreements.push(`${method} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      continue;
    }
    for (const defect of resultDefects(problem, result)) disagreements.push(`${method}: ${defect}`);
    answers.push({ name: method, status: result.status, matched: result.matched, objective: result.objective });
  }
  if (bruteForceFits(problem)) {
    const exact = bruteForce(problem);
    answers.push({ name: 'bruteForce', status: exact.feasible ? 'optimal' : 'infeasible', matched: exact.matched, objective: exact.objective });
  }
  const reference = answers[0];
  for (const other of answers.slice(1)) {
    if (reference === undefined) break;
    if (other.status !== reference.status) {
      disagreements.push(`${reference.name} says ${reference.status}, ${other.name} says ${other.status}`);
    } else if (other.status === 'optimal') {
      if (other.matched !== reference.matched) disagreements.push(`${reference.name} places ${reference.matched} rows, ${other.name} ${other.matched}`);
      else if (!closeObjectives(other.objective!, reference.objective!)) {
        disagreements.push(`${reference.name} finds ${reference.objective}, ${other.name} ${other.objective}`);
      }
    }
  }
  const status = reference === undefined ? 'error' : (reference.status as 'optimal' | 'infeasible');
  return { disagreements, status, methods: answers.map((a) => a.name) };
}
