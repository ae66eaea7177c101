import { describe, expect, it } from 'vitest';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentResult } from '../../src/solver/types.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';
import { solvedFixture } from '../helpers/solvedFixture.js';

const { prepared, problem, result } = solvedFixture('hr-department');
const first = prepared.features.coacheeIds[0]!;

const explain = (r: unknown, options: object = { coacheeIds: [first], k: 1 }) => () => explainMatching(prepared, r as AssignmentResult, options);

describe('explainMatching input checks', () => {
  it("refuses another problem's result instead of explaining it as optimal", () => {
    const foreign = solveAssignment({ weights: [[1]] });
    expect(thrownKindAndPaths(explain(foreign, { k: 1 }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.assignment', '$.result.loads', '$.result.duals.row', '$.result.duals.col'] });
  });

  it('refuses a result whose objective does not add up', () => {
    expect(thrownKindAndPaths(explain({ ...result, objective: result.objective + 1 }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.objective'] });
    expect(thrownKindAndPaths(explain({ ...result, objective: NaN }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.objective'] });
  });

  it('refuses a consistent result that is not optimal', () => {
    // Unplace one matched coachee and account for it honestly: fewer placed than the optimum.
    const row = result.assignment.findIndex((c) => c !== null);
    const col = result.assignment[row]!;
    const assignment = result.assignment.map((c, i) => (i === row ? null : c));
    const loads = result.loads.map((l, j) => (j === col ? l - 1 : l));
    const objective = result.objective - (problem.weights![row]![col] as number);
    expect(thrownKindAndPaths(explain({ ...result, assignment, loads, objective, matched: result.matched - 1 }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.assignment'] });
  });

  it('refuses an assignment out of range, on a banned pair, or over capacity, at its entry', () => {
    const cols = result.loads.length;
    expect(thrownKindAndPaths(explain({ ...result, assignment: result.assignment.map((c, i) => (i === 0 ? cols : c)) })).paths).toContain('$.result.assignment[0]');
    const banned = problem.weights!.flatMap((r, i) => r.flatMap((w, j) => (w === null ? [[i, j] as const] : [])))[0];
    if (banned !== undefined) {
      const [i, j] = banned;
      expect(thrownKindAndPaths(explain({ ...result, assignment: result.assignment.map((c, r) => (r === i ? j : c)) })).paths).toContain(`$.result.assignment[${i}]`);
    }
    const full = result.loads.findIndex((l, j) => l === problem.capacity![j]);
    const outside = result.assignment.findIndex((c) => c !== full);
    expect(thrownKindAndPaths(explain({ ...result, assignment: result.assignment.map((c, r) => (r === outside ? full : c)) })).paths).toContain(`$.result.loads[${full}]`);
  });

  it('refuses an infeasible result for a feasible problem, and a result of the wrong shape', () => {
    expect(thrownKindAndPaths(explain({ ...result, status: 'infeasible', objective: null, duals: null }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.status'] });
    expect(thrownKindAndPaths(explain(null)).kind).toBe('invalidArgument');
    expect(thrownKindAndPaths(explain({ ...result, status: 'Optimal' }))).toEqual({ kind: 'invalidArgument', paths: ['$.result.status'] });
  });

  it('refuses coacheeIds with a hole or as a string, with paths; undefined options mean the defaults', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(thrownKindAndPaths(explain(result, { coacheeIds: [, first] }))).toEqual({ kind: 'invalidArgument', paths: ['$.coacheeIds[0]'] });
    expect(thrownKindAndPaths(explain(result, { coacheeIds: first }))).toEqual({ kind: 'invalidArgument', paths: ['$.coacheeIds'] });
    expect(thrownKindAndPaths(explain(result, { coacheeIds: [first], k: 1.5 }))).toEqual({ kind: 'invalidArgument', paths: ['$.k'] });
    expect(thrownKindAndPaths(explain(result, { coacheeIds: [first], kk: 1 }))).toEqual({ kind: 'invalidArgument', paths: ['$.kk'] });
    const withUndefined = explainMatching(prepared, result, { coacheeIds: [first], k: undefined, method: undefined, allowUnmatched: undefined, includePreferences: undefined });
    expect(withUndefined).toEqual(explainMatching(prepared, result, { coacheeIds: [first] }));
  });

  it('still explains its own optimal result, without changing it', () => {
    const before = structuredClone(result);
    const why = explainMatching(prepared, result, { coacheeIds: [first], k: 1 });
    expect(why.status).toBe('optimal');
    expect(why.objective).toBe(result.objective);
    expect(result).toEqual(before);
  });
});
