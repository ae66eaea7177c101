import { readFileSync } from 'node:fs';
import { prepareMatch, toAssignmentProblem, type PreparedMatch } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult } from '../../src/solver/types.js';

/** A bundled cohort prepared, its problem (unmatched coachees allowed) and its optimal solve, as explain's tests start. */
export function solvedFixture(name: 'alumni-programme' | 'hr-department'): {
  readonly prepared: PreparedMatch;
  readonly problem: AssignmentProblem;
  readonly result: Extract<AssignmentResult, { status: 'optimal' }>;
} {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8'));
  const prepared = prepareMatch(parseCohort(json));
  const problem = toAssignmentProblem(prepared.combined, true);
  const result = solveAssignment(problem);
  if (result.status !== 'optimal') throw new Error(`${name} should match`);
  return { prepared, problem, result };
}
